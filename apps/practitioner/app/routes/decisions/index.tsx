// Decisions (issue 6, item 6): each decision point with its outcome, reasons and the team
// manager's sign-off; recording a decision with the explanation the family will see; and a
// preview of that explanation exactly as the portal shows it, in the family member's language.
import { useTranslation } from "@homeward/i18n/react";
import { assertSameOrigin, parseForm } from "@homeward/runtime";
import { StaleWrite } from "@homeward/services";
import {
  type DecisionView,
  decisionInputSchema,
  decisionsFor,
  type FamilyMemberOption,
  familyPreview,
  recordDecision,
  signOffDecision,
} from "@homeward/services/decisions";
import { clearFormDraft, submittedDraftBase, formDraftsFor } from "@homeward/services/form-drafts";
import { Button, ErrorSummary, FormErrors, PageTitle, RadioGroup, TextField } from "@homeward/ui";
import { data, Form, redirect } from "react-router";
import { z } from "zod";
import { CaseNav } from "../../components/case-nav.tsx";
import { DraftTextArea, draftValue } from "../../components/draft-text-area.tsx";
import { translateErrors } from "../../lib/errors.ts";
import { orRefuse, staffContext } from "../../lib/service-context.server.ts";
import { londonDay } from "../assessment/dates.ts";
import type { Route } from "./+types/index";
import { type PreviewText, previewText } from "./preview.server.ts";

const POINTS = [
  "decision_1",
  "decision_2",
  "decision_3",
  "permanence_panel",
  "return_home",
  "case_closure",
] as const;

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { ctx } = await staffContext(context, request);
  const view = await orRefuse(decisionsFor(ctx, params.caseId));
  const url = new URL(request.url);
  const previewId = url.searchParams.get("preview");
  const memberId = url.searchParams.get("member");
  let preview: { decisionId: string; memberId: string; text: PreviewText } | null = null;
  if (previewId && memberId && view.decisions.some((d) => d.id === previewId)) {
    const found = await orRefuse(familyPreview(ctx, previewId, memberId));
    preview = { decisionId: previewId, memberId, text: previewText(found) };
  }
  const drafts = view.canRecord ? await formDraftsFor(ctx, params.caseId, "decision:") : null;
  return { view, preview, done: url.searchParams.get("done"), draft: drafts?.get(newDecision) };
}

/** The draft key of the "record a decision" form. */
const newDecision = "decision:new";

const signOffSchema = z.object({
  decisionId: z.string().min(1),
  version: z.coerce.number().int().positive(),
});

export async function action({ request, context, params }: Route.ActionArgs) {
  assertSameOrigin(context, request);
  const { ctx } = await staffContext(context, request);
  const form = await request.formData();
  const values = Object.fromEntries(
    [...form.entries()].filter(([, v]) => typeof v === "string"),
  ) as Record<string, string>;
  const intent = values.intent ?? "";
  const here = `/cases/${params.caseId}/decisions`;
  switch (intent) {
    case "record": {
      const parsed = parseForm(decisionInputSchema, form);
      if (!parsed.ok)
        return data(
          { intent, errors: parsed.errors, values, formError: undefined },
          { status: 400 },
        );
      const { decisionId } = await orRefuse(recordDecision(ctx, params.caseId, parsed.data));
      await clearFormDraft(ctx, params.caseId, newDecision, submittedDraftBase(form));
      throw redirect(`${here}?done=recorded#decision-${decisionId}`);
    }
    case "signOff": {
      const parsed = parseForm(signOffSchema, form);
      if (!parsed.ok)
        return data(
          { intent, errors: {}, values, formError: "decisions:errors.signOff" },
          { status: 400 },
        );
      try {
        await orRefuse(signOffDecision(ctx, parsed.data.decisionId, parsed.data.version));
      } catch (error) {
        if (error instanceof StaleWrite)
          return data(
            { intent, errors: {}, values, formError: "decisions:errors.stale" },
            { status: 409 },
          );
        throw error;
      }
      throw redirect(`${here}?done=signedOff#decision-${parsed.data.decisionId}`);
    }
    default:
      return data(
        { intent, errors: {}, values, formError: "decisions:errors.intent" },
        { status: 400 },
      );
  }
}

export default function Decisions({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("decisions");
  const { view, preview, done, draft } = loaderData;
  const recordErrors =
    actionData?.intent === "record" ? translateErrors(t, actionData.errors) : undefined;
  const values = actionData?.intent === "record" ? actionData.values : {};
  return (
    <>
      <PageTitle
        page={t("title", { reference: view.reference })}
        app={t("common:practitioner.name")}
      />
      <h1>{t("heading", { child: view.childName })}</h1>
      <CaseNav caseId={view.caseId} reference={view.reference} />
      <p>{t("intro")}</p>
      {done === "recorded" || done === "signedOff" ? (
        <p className="hw-notice" role="status">
          {t(`done.${done}`)}
        </p>
      ) : null}
      {actionData?.formError ? (
        <p className="hw-notice" role="alert">
          {t(actionData.formError)}
        </p>
      ) : null}
      {view.decisions.length === 0 ? <p>{t("none")}</p> : null}
      {view.decisions.map((d) => (
        <DecisionCard
          key={d.id}
          decision={d}
          members={view.familyMembers}
          preview={preview?.decisionId === d.id ? preview : null}
        />
      ))}
      {view.canRecord ? (
        <section aria-labelledby="record">
          <h2 id="record">{t("record.heading")}</h2>
          <ErrorSummary title={t("auth:errors.summaryTitle")} errors={recordErrors} />
          {/* A new key after each decision clears the form once it has been recorded. */}
          <Form method="post" noValidate aria-labelledby="record" key={view.decisions.length}>
            {draft && !actionData ? (
              <p className="hw-notice" role="status">
                {t("practitioner:drafts.kept")}
              </p>
            ) : null}
            <FormErrors errors={recordErrors}>
              <input type="hidden" name="intent" value="record" />
              <RadioGroup
                label={t("record.pointLabel")}
                name="point"
                defaultValue={values.point || undefined}
                options={POINTS.map((p) => ({ value: p, label: t(`points.${p}`) }))}
              />
              <TextField
                label={t("record.outcomeLabel")}
                name="outcome"
                defaultValue={values.outcome}
              />
              <DraftTextArea
                caseId={view.caseId}
                formKey={newDecision}
                base={String(view.decisions.length)}
                label={t("record.reasonsLabel")}
                name="reasons"
                defaultValue={draftValue("reasons", values, draft)}
              />
              <DraftTextArea
                caseId={view.caseId}
                formKey={newDecision}
                base={String(view.decisions.length)}
                label={t("record.familyLabel")}
                description={t("record.familyHelp")}
                name="familyExplanation"
                defaultValue={draftValue("familyExplanation", values, draft)}
              />
              <Button>{t("record.save")}</Button>
            </FormErrors>
          </Form>
        </section>
      ) : null}
    </>
  );
}

function DecisionCard({
  decision: d,
  members,
  preview,
}: {
  decision: DecisionView;
  members: FamilyMemberOption[];
  preview: { memberId: string; text: PreviewText } | null;
}) {
  const { t, i18n } = useTranslation("decisions");
  const headingId = `decision-${d.id}`;
  return (
    <article className="hw-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`points.${d.point}`)}</h2>
      <dl>
        <dt>{t("outcome")}</dt>
        <dd>{d.outcome}</dd>
        <dt>{t("reasons")}</dt>
        <dd>{d.reasons}</dd>
        <dt>{t("familyExplanation")}</dt>
        <dd>{d.familyExplanation ?? t("noFamilyExplanation")}</dd>
        <dt>{t("decided")}</dt>
        <dd>
          {t("decidedBy", { name: d.decidedByName, date: londonDay(d.decidedAt, i18n.language) })}
        </dd>
        <dt>{t("signOff")}</dt>
        <dd>
          {d.signedOffByName && d.signedOffAt ? (
            t("signedOffBy", {
              name: d.signedOffByName,
              date: londonDay(d.signedOffAt, i18n.language),
            })
          ) : (
            <strong>{t("awaitingSignOff")}</strong>
          )}
        </dd>
      </dl>
      {d.canSignOff ? (
        <Form method="post" aria-label={t("signOffFor", { point: t(`points.${d.point}`) })}>
          <input type="hidden" name="intent" value="signOff" />
          <input type="hidden" name="decisionId" value={d.id} />
          <input type="hidden" name="version" value={d.version} />
          <Button>{t("signOffButton")}</Button>
        </Form>
      ) : null}
      {members.length > 0 ? (
        <Form method="get" aria-label={t("preview.formLabel", { point: t(`points.${d.point}`) })}>
          <input type="hidden" name="preview" value={d.id} />
          <RadioGroup
            id={`preview-${d.id}`}
            label={t("preview.memberLabel")}
            name="member"
            defaultValue={preview?.memberId ?? members[0]?.memberId}
            options={members.map((m) => ({
              value: m.memberId,
              label: t("preview.member", { name: m.name, language: t(`languages.${m.language}`) }),
            }))}
          />
          <Button variant="secondary">{t("preview.button")}</Button>
        </Form>
      ) : null}
      {preview ? <Preview text={preview.text} id={`preview-text-${d.id}`} /> : null}
    </article>
  );
}

/** The family's view, in their language (lang and dir set so it reads and sounds right). */
function Preview({ text, id }: { text: PreviewText; id: string }) {
  const { t } = useTranslation("decisions");
  return (
    <section aria-labelledby={id} className="hw-card hw-preview">
      <h3 id={id}>{t("preview.heading", { language: text.languageName })}</h3>
      <div lang={text.lng} dir={text.dir}>
        <h4>{text.explanationHeading}</h4>
        <p dir="auto">{text.explanation ?? ""}</p>
        <h4>{text.light.heading}</h4>
        {text.light.summary ? <p className="hw-status">{text.light.summary}</p> : null}
        {text.light.lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
        {text.light.sections.map((section) => (
          <div key={section.heading}>
            <h5>{section.heading}</h5>
            {section.note ? <p>{section.note}</p> : null}
            {section.items.length > 0 ? (
              <ul>
                {section.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ))}
      </div>
    </section>
  );
}
