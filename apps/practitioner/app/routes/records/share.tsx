// Sharing an entry for review with chosen family members (issue 7; issue 8's share blocking).
// Each person's reply-by date is shown before sharing, longer where their needs call for it.
// A share is refused - naming what was found, to this practitioner only - while the text
// holds a detail a recipient must not see; the entry has to be changed first.
import { useTranslation } from "@homeward/i18n/react";
import { assertSameOrigin, keptValues } from "@homeward/runtime";
import { StaleWrite } from "@homeward/services";
import {
  type ShareFinding,
  shareEntry,
  shareFormFor,
  shareSchema,
} from "@homeward/services/record-review";
import {
  Button,
  CheckboxGroup,
  ErrorSummary,
  FormErrors,
  PageTitle,
  TextField,
} from "@homeward/ui";
import { data, Form, Link, redirect } from "react-router";
import { CaseNav } from "../../components/case-nav.tsx";
import { translateErrors } from "../../lib/errors.ts";
import { orRefuse, staffContext } from "../../lib/service-context.server.ts";
import { calendarDay } from "../assessment/dates.ts";
import type { Route } from "./+types/share";
import { notifyDeps } from "./notify.server.ts";

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { ctx } = await staffContext(context, request);
  const form = await orRefuse(shareFormFor(ctx, params.entryId));
  if (form.caseId !== params.caseId) throw data(null, { status: 404 });
  return { form };
}

interface ActionAnswer {
  errors: Record<string, string>;
  values: Record<string, string>;
  memberIds: string[];
  formError: string | null;
  findings: ShareFinding[];
}

export async function action({ request, context, params }: Route.ActionArgs) {
  assertSameOrigin(context, request);
  const { ctx } = await staffContext(context, request);
  const form = await request.formData();
  const memberIds = form.getAll("memberIds").filter((v): v is string => typeof v === "string");
  const values = keptValues(form);
  const answer = (rest: Partial<ActionAnswer>, status: number) =>
    data(
      {
        errors: {},
        values,
        memberIds,
        formError: null,
        findings: [],
        ...rest,
      } satisfies ActionAnswer,
      { status },
    );
  const parsed = shareSchema.safeParse({
    memberIds,
    deadline: form.get("deadline") ?? "",
    version: form.get("version"),
  });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    return answer({ errors }, 400);
  }
  try {
    const result = await orRefuse(
      shareEntry(ctx, params.entryId, parsed.data, notifyDeps(context)),
    );
    if (result.ok)
      return redirect(`/cases/${params.caseId}/records/${params.entryId}?saved=shared`);
    if (result.code === "CONFIDENTIAL_DETAILS")
      return answer({ findings: result.findings, formError: "review:share.blocked.title" }, 422);
    if (result.code === "DEADLINE_TOO_SOON")
      return answer({ errors: { deadline: "review:errors.deadlineTooSoon" } }, 400);
    return answer({ formError: `review:share.refused.${result.code}` }, 400);
  } catch (error) {
    if (error instanceof StaleWrite) return answer({ formError: "review:share.stale" }, 409);
    throw error;
  }
}

export default function Share({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation("review");
  const { form } = loaderData;
  const errors = translateErrors(t, actionData?.errors);
  const heading = t("share.title", { title: form.title });
  const checked = new Set(actionData?.memberIds ?? []);
  const date = (day: string) => calendarDay(day, i18n.language);
  return (
    <>
      <PageTitle page={heading} app={t("common:practitioner.name")} />
      <h1>{heading}</h1>
      <CaseNav caseId={form.caseId} reference={form.reference} />
      {actionData?.findings.length ? (
        <Blocked findings={actionData.findings} caseId={form.caseId} entryId={form.entryId} />
      ) : (
        <ErrorSummary
          title={t("auth:errors.summaryTitle")}
          errors={errors}
          formError={actionData?.formError ? t(actionData.formError) : undefined}
        />
      )}
      {form.notForFamily ? (
        <p className="hw-notice">{t("share.notForFamily")}</p>
      ) : (
        <>
          <p>{t("share.intro", { date: date(form.defaultDeadline) })}</p>
          <Form method="post" noValidate aria-label={heading}>
            <FormErrors errors={errors}>
              <input type="hidden" name="version" value={form.version} />
              {form.recipients.length === 0 ? <p>{t("share.noRecipients")}</p> : null}
              <CheckboxGroup
                label={t("share.recipients")}
                name="memberIds"
                defaultValue={[...checked]}
                options={form.recipients.map((r) => ({
                  value: r.memberId,
                  label: t("share.recipient", { name: r.name, role: t(`roles.${r.role}`) }),
                  description: r.alreadyShared
                    ? t("share.alreadyShared", { date: date(r.deadline) })
                    : r.extraTime.length > 0
                      ? t("share.extraTime", {
                          date: date(r.deadline),
                          reasons: r.extraTime.map((x) => t(`extraTime.${x}`)).join(", "),
                        })
                      : t("share.replyBy", { date: date(r.deadline) }),
                }))}
              />
              <TextField
                label={t("share.deadline")}
                description={t("share.deadlineHelp", { date: date(form.defaultDeadline) })}
                name="deadline"
                type="date"
                defaultValue={actionData?.values.deadline ?? ""}
              />
              <div className="hw-actions">
                <Button type="submit">{t("share.submit")}</Button>
                <Link to={`/cases/${form.caseId}/records/${form.entryId}`}>
                  {t("share.cancel")}
                </Link>
              </div>
            </FormErrors>
          </Form>
        </>
      )}
    </>
  );
}

function Blocked({
  findings,
  caseId,
  entryId,
}: {
  findings: ShareFinding[];
  caseId: string;
  entryId: string;
}) {
  const { t } = useTranslation("review");
  return (
    <div className="hw-error-summary" role="alert" aria-labelledby="blocked-title" tabIndex={-1}>
      <h2 id="blocked-title">{t("share.blocked.title")}</h2>
      <p>{t("share.blocked.intro")}</p>
      <ul>
        {findings.map((f) => (
          <li key={`${f.memberId}-${f.kind}-${f.found}`}>
            {t(`share.blocked.${f.kind}`, {
              owner: f.ownerLabel,
              recipient: f.recipientName,
              found: f.found,
            })}
          </li>
        ))}
      </ul>
      <p>
        <Link to={`/cases/${caseId}/records/${entryId}/edit`}>{t("share.blocked.edit")}</Link>
      </p>
    </div>
  );
}
