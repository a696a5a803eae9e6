// The form on an invitation link for someone without an account (an advocate's or an
// interpreter's): their name and a password, for the address the invitation was sent to.
// Its words are the advocates' accept page's, which came first; both pages load them.
import { useTranslation } from "@homeward/i18n/react";
import { Button, FormErrors, TextField } from "@homeward/ui";
import { Form } from "react-router";

export function InvitedAccountForm({
  token,
  intro,
  errors,
  name,
}: {
  token: string;
  /** What the page says above the fields (which address the account is for). */
  intro: string;
  errors: Record<string, string> | undefined;
  /** The name typed before a refusal, kept. */
  name: string;
}) {
  const { t } = useTranslation("advocacy");
  return (
    <Form method="post" noValidate aria-labelledby="create-heading">
      <h2 id="create-heading">{t("accept.createSubmit")}</h2>
      <p>{intro}</p>
      <input type="hidden" name="token" value={token} />
      <FormErrors errors={errors}>
        <TextField
          label={t("accept.name")}
          name="name"
          autoComplete="name"
          isRequired
          defaultValue={name}
        />
        <TextField
          label={t("accept.password")}
          description={t("accept.passwordHint")}
          name="password"
          type="password"
          autoComplete="new-password"
          isRequired
        />
        <TextField
          label={t("accept.confirm")}
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          isRequired
        />
        <Button name="intent" value="create_account">
          {t("accept.createSubmit")}
        </Button>
      </FormErrors>
    </Form>
  );
}
