// The "say something about this entry" form, shared by the standard entry page and its easy-read
// version (issue 8): the same fields, hidden draft inputs and kept values, posting to the same
// action, so the same schema checks both and a refused answer comes back with what was typed.
// `ns` picks the wording: "records" and "easyreadRecords" carry the same respond.* keys.
// i18n-namespaces: records easyreadRecords
import { useTranslation } from "@homeward/i18n/react";
import type { ResponseView } from "@homeward/services/record-entries";
import { Button, FormErrors, RadioGroup, TextField } from "@homeward/ui";
import type { ReactNode } from "react";
import { Form } from "react-router";

export type ResponseKind = ResponseView["kind"];

/** What the form shows: what was just typed if the action refused it, else the saved draft. */
export function keptResponseValues(
  draft: ResponseView | null,
  kept: Record<string, string> | undefined,
): Record<string, string> {
  return (
    kept ?? {
      kind: draft?.kind ?? "",
      anchorText: draft?.anchorText ?? "",
      body: draft?.body ?? "",
      proposedText: draft?.proposedText ?? "",
    }
  );
}

/** The free-text fields, in order: the part meant, what is wrong or missing, what it should say. */
const textFields = [
  { name: "anchorText", label: "respond.anchorLabel", hint: "respond.anchorHelp", rows: 3 },
  { name: "body", label: "respond.bodyLabel", hint: "respond.bodyHelp", rows: 6 },
  {
    name: "proposedText",
    label: "respond.proposedLabel",
    hint: "respond.proposedHelp",
    rows: 4,
  },
] as const;

export function RespondForm({
  ns,
  draft,
  values,
  errors,
  kinds,
  describeKinds,
  children,
}: {
  ns: "records" | "easyreadRecords";
  draft: ResponseView | null;
  values: Record<string, string>;
  errors: Record<string, string> | undefined;
  /** The kinds of answer, in the order the page offers them. */
  kinds: readonly ResponseKind[];
  /** Whether each kind's choice carries its hint (easy read says them above the form). */
  describeKinds: boolean;
  /** Said at the top of the form, after the hidden inputs. */
  children?: ReactNode;
}) {
  const { t } = useTranslation(ns);
  return (
    <Form method="post" noValidate aria-labelledby="respond-title">
      <FormErrors errors={errors}>
        {draft ? (
          <>
            <input type="hidden" name="draftId" value={draft.id} />
            <input type="hidden" name="draftVersion" value={draft.version} />
          </>
        ) : null}
        {children}
        <RadioGroup
          label={t("respond.kindLabel")}
          name="kind"
          defaultValue={values.kind || undefined}
          options={kinds.map((kind) => ({
            value: kind,
            label: t(`respond.kind.${kind}`),
            ...(describeKinds ? { description: t(`respond.kindHelp.${kind}`) } : {}),
          }))}
        />
        {textFields.map(({ name, label, hint, rows }) => (
          <TextField
            key={name}
            label={t(label)}
            description={t(hint)}
            name={name}
            multiline
            rows={rows}
            defaultValue={values[name]}
          />
        ))}
        <div className="hw-actions">
          <Button name="intent" value="send">
            {t("respond.send")}
          </Button>
          <Button name="intent" value="save_draft" variant="secondary">
            {t("respond.saveDraft")}
          </Button>
        </div>
      </FormErrors>
    </Form>
  );
}
