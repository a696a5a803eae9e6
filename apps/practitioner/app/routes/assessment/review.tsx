// One risk review (issue 6, item 5): my independent classification (the other's stays hidden
// until both are in), then both side by side with the differing inputs named, the agreed
// classification, and what the time rules make of each level, with the reason when the
// table's level is not allowed yet.
import { useTranslation } from "@homeward/i18n/react";
import type { RiskEvidence } from "@homeward/rules";
import { assertSameOrigin, parseForm } from "@homeward/runtime";
import { StaleWrite } from "@homeward/services";
import {
  agreeClassification,
  agreeInputSchema,
  type ClassificationView,
  classificationInputSchema,
  ReviewRuleBroken,
  reviewFor,
  submitClassification,
  type TimeRulesCheck,
} from "@homeward/services/classification";
import {
  clearFormDraft,
  submittedDraftBase,
  type FormDraftView,
  formDraftsFor,
} from "@homeward/services/form-drafts";
import { Button, ErrorSummary, FormErrors, PageTitle, RadioGroup } from "@homeward/ui";
import { data, Form, Link, redirect } from "react-router";
import { CaseNav } from "../../components/case-nav.tsx";
import { DraftTextArea, draftValue } from "../../components/draft-text-area.tsx";
import { translateErrors } from "../../lib/errors.ts";
import { orRefuse, staffContext } from "../../lib/service-context.server.ts";
import type { Route } from "./+types/review";
import { calendarDay, londonDay } from "./dates.ts";
import { RiskStatusPanel } from "./status-panel.tsx";

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { ctx } = await staffContext(context, request);
  const view = await orRefuse(reviewFor(ctx, params.reviewId));
  if (view.caseId !== params.caseId) throw data(null, { status: 404 });
  const done = new URL(request.url).searchParams.get("done");
  // Each person's half-written rationale is theirs alone: the blind stays blind.
  const drafts = await formDraftsFor(ctx, params.caseId, `classification:${params.reviewId}:`);
  return {
    view,
    done: done === "submitted" || done === "agreed" ? done : null,
    drafts: Object.fromEntries(drafts) as Record<string, FormDraftView>,
  };
}

const draftKeyOf = (reviewId: string, kind: "submit" | "agree") =>
  `classification:${reviewId}:${kind}`;

export async function action({ request, context, params }: Route.ActionArgs) {
  assertSameOrigin(context, request);
  const { ctx } = await staffContext(context, request);
  const form = await request.formData();
  const values = Object.fromEntries(
    [...form.entries()].filter(([, v]) => typeof v === "string"),
  ) as Record<string, string>;
  const intent = values.intent ?? "";
  const here = `/cases/${params.caseId}/classification/${params.reviewId}`;
  try {
    switch (intent) {
      case "submit": {
        const parsed = parseForm(classificationInputSchema, form);
        if (!parsed.ok)
          return data(
            { intent, errors: parsed.errors, values, formError: undefined },
            { status: 400 },
          );
        await orRefuse(submitClassification(ctx, params.reviewId, parsed.data));
        await clearFormDraft(
          ctx,
          params.caseId,
          draftKeyOf(params.reviewId, "submit"),
          submittedDraftBase(form),
        );
        throw redirect(`${here}?done=submitted`);
      }
      case "agree": {
        const parsed = parseForm(agreeInputSchema, form);
        if (!parsed.ok)
          return data(
            { intent, errors: parsed.errors, values, formError: undefined },
            { status: 400 },
          );
        const { riskFactors, protectiveFactors, capacityToChange, rationale, version } =
          parsed.data;
        await orRefuse(
          agreeClassification(ctx, params.reviewId, {
            evidence: { riskFactors, protectiveFactors, capacityToChange },
            rationale,
            version,
          }),
        );
        await clearFormDraft(
          ctx,
          params.caseId,
          draftKeyOf(params.reviewId, "agree"),
          submittedDraftBase(form),
        );
        throw redirect(`${here}?done=agreed#agreed`);
      }
      default:
        return data(
          { intent, errors: {}, values, formError: "assessment:errors.intent" },
          { status: 400 },
        );
    }
  } catch (error) {
    if (error instanceof StaleWrite)
      return data(
        { intent, errors: {}, values, formError: "assessment:review.stale" },
        { status: 409 },
      );
    if (error instanceof ReviewRuleBroken)
      return data(
        { intent, errors: {}, values, formError: `assessment:refusals.${error.code}` },
        { status: 409 },
      );
    throw error;
  }
}

const INPUTS = ["riskFactors", "protectiveFactors", "capacityToChange"] as const;

function inputValue(
  t: (k: string) => string,
  evidence: RiskEvidence,
  input: (typeof INPUTS)[number],
) {
  if (input === "riskFactors") return t(`rules:riskFactorStates.${evidence.riskFactors}`);
  return evidence[input] ? t("assessment:review.yes") : t("assessment:review.no");
}

export default function Review({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation("assessment");
  const { view, done, drafts } = loaderData;
  const agreed = view.agreed;
  const title = t(`points.${view.point}`);
  const formError = actionData?.formError ? t(actionData.formError) : undefined;
  return (
    <>
      <PageTitle page={`${title} - ${view.reference}`} app={t("common:practitioner.name")} />
      <h1>
        {title}: {view.childName}
      </h1>
      <CaseNav caseId={view.caseId} reference={view.reference} />
      <p>
        <Link to={`/cases/${view.caseId}/classification`}>{t("review.back")}</Link>
      </p>
      <p className="hw-status">
        {t("review.date", { date: calendarDay(view.reviewDate, i18n.language) })}{" "}
        {t(`reviewStates.${view.status}`, { submitted: view.submittedCount })}
      </p>
      {done ? (
        <p className="hw-notice" role="status">
          {t(`review.done.${done}`)}
        </p>
      ) : null}

      {view.bothSubmitted ? (
        <Comparison view={view} />
      ) : (
        <section aria-labelledby="blind">
          <h2 id="blind">{t("review.blindHeading")}</h2>
          <p>{view.mine ? t("review.waiting") : t("review.blindIntro")}</p>
          {view.mine ? <ClassificationCard c={view.mine} /> : null}
        </section>
      )}

      {view.canSubmit ? (
        <EvidenceForm
          kind="submit"
          caseId={view.caseId}
          draftKey={draftKeyOf(view.reviewId, "submit")}
          draft={drafts[draftKeyOf(view.reviewId, "submit")]}
          heading={view.mine ? t("review.changeMine") : t("review.submitHeading")}
          intro={t("review.submitIntro")}
          defaults={view.mine?.evidence ?? null}
          rationale={view.mine?.rationale ?? ""}
          actionData={actionData}
          formError={actionData?.intent === "submit" ? formError : undefined}
          suggested={view.suggested?.assessed ? view.suggested.evidence : null}
          button={t("review.submit")}
        />
      ) : null}

      {view.canAgree ? (
        <EvidenceForm
          kind="agree"
          caseId={view.caseId}
          draftKey={draftKeyOf(view.reviewId, "agree")}
          draft={drafts[draftKeyOf(view.reviewId, "agree")]}
          heading={t("review.agreeHeading")}
          intro={t("review.agreeIntro")}
          defaults={view.mine?.evidence ?? view.shown[0]?.evidence ?? null}
          rationale=""
          version={view.version}
          actionData={actionData}
          formError={actionData?.intent === "agree" ? formError : undefined}
          suggested={null}
          button={t("review.agree")}
        />
      ) : null}

      {agreed ? (
        <section aria-labelledby="agreed" className="hw-card">
          <h2 id="agreed">{t("review.agreedHeading")}</h2>
          <dl>
            {INPUTS.map((input) => (
              <div key={input}>
                <dt>{t(`rules:evidenceInputs.${input}`)}</dt>
                <dd>{inputValue(t, agreed.evidence, input)}</dd>
              </div>
            ))}
          </dl>
          {agreed.rationale ? <p>{agreed.rationale}</p> : null}
          {agreed.agreedByName && agreed.agreedAt ? (
            <p className="hw-status">
              {t("review.agreedBy", {
                name: agreed.agreedByName,
                date: londonDay(agreed.agreedAt, i18n.language),
              })}
            </p>
          ) : null}
          <TimeRules check={agreed.timeRules} />
        </section>
      ) : null}

      <RiskStatusPanel status={view.caseStatus} id="case-status" />
    </>
  );
}

function ClassificationCard({ c }: { c: ClassificationView }) {
  const { t, i18n } = useTranslation("assessment");
  return (
    <div className="hw-card">
      <h3>{c.byMe ? t("review.mine") : t("review.by", { name: c.practitionerName })}</h3>
      <dl>
        {INPUTS.map((input) => (
          <div key={input}>
            <dt>{t(`rules:evidenceInputs.${input}`)}</dt>
            <dd>{inputValue(t, c.evidence, input)}</dd>
          </div>
        ))}
        <dt>{t("review.tableLevel")}</dt>
        <dd>{t(`rules:riskLevels.${c.level}`)}</dd>
      </dl>
      <p>{c.rationale}</p>
      {c.submittedAt ? (
        <p className="hw-status">
          {t("review.submittedOn", { date: londonDay(c.submittedAt, i18n.language) })}
        </p>
      ) : null}
      <TimeRules check={c.timeRules} />
    </div>
  );
}

/** Both classifications side by side; a differing input is named in words, not colour. */
function Comparison({ view }: { view: Route.ComponentProps["loaderData"]["view"] }) {
  const { t } = useTranslation("assessment");
  const [first, second] = view.shown;
  if (!first || !second) return null;
  const differing = view.comparison?.differingInputs ?? [];
  return (
    <section aria-labelledby="compare">
      <h2 id="compare">{t("review.compareHeading")}</h2>
      <p>
        {differing.length === 0
          ? t("review.sameInputs")
          : t("review.differentInputs", {
              inputs: differing.map((i) => t(`rules:evidenceInputs.${i}`)).join(", "),
            })}
      </p>
      <div className="hw-table-scroll">
        <table className="hw-table">
          <caption>{t("review.compareCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("review.input")}</th>
              <th scope="col">{first.byMe ? t("review.mine") : first.practitionerName}</th>
              <th scope="col">{second.byMe ? t("review.mine") : second.practitionerName}</th>
              <th scope="col">{t("review.same")}</th>
            </tr>
          </thead>
          <tbody>
            {INPUTS.map((input) => {
              const differs = differing.includes(input);
              return (
                <tr key={input} className={differs ? "hw-differs" : undefined}>
                  <th scope="row">{t(`rules:evidenceInputs.${input}`)}</th>
                  <td>{inputValue(t, first.evidence, input)}</td>
                  <td>{inputValue(t, second.evidence, input)}</td>
                  <td>{differs ? <strong>{t("review.differs")}</strong> : t("review.matches")}</td>
                </tr>
              );
            })}
            <tr>
              <th scope="row">{t("review.tableLevel")}</th>
              <td>{t(`rules:riskLevels.${first.level}`)}</td>
              <td>{t(`rules:riskLevels.${second.level}`)}</td>
              <td>
                {first.level === second.level ? (
                  t("review.matches")
                ) : (
                  <strong>{t("review.differs")}</strong>
                )}
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      <ClassificationCard c={first} />
      <ClassificationCard c={second} />
    </section>
  );
}

/** What the time rules make of a level, and why it is not allowed yet when it is not. */
function TimeRules({ check }: { check: TimeRulesCheck }) {
  const { t, i18n } = useTranslation("assessment");
  const day = (d: string | null) => (d ? calendarDay(d, i18n.language) : t("status.noDate"));
  const level = (l: string) => t(`rules:riskLevels.${l}`);
  if (!check.problem) return <p>{t("timeRules.allowed", { level: level(check.allowed) })}</p>;
  const p = check.problem;
  return (
    <div className="hw-notice">
      <p>
        <strong>
          {t("timeRules.notAllowed", {
            requested: level(check.requested),
            allowed: level(check.allowed),
          })}
        </strong>
      </p>
      <p>
        {p.code === "STEP_DOWN_TOO_SOON"
          ? t("timeRules.STEP_DOWN_TOO_SOON", {
              since: day(p.improvingSince),
              date: day(p.earliestStepDown),
            })
          : p.code === "ONE_LEVEL_AT_A_TIME"
            ? t("timeRules.ONE_LEVEL_AT_A_TIME", {
                previous: level(p.previousLevel),
                allowed: level(check.allowed),
              })
            : t("timeRules.DRIFT_TO_SEVERE", { date: day(p.driftedOn) })}
      </p>
    </div>
  );
}

function EvidenceForm({
  kind,
  caseId,
  draftKey,
  draft,
  heading,
  intro,
  defaults,
  rationale,
  version,
  actionData,
  formError,
  suggested,
  button,
}: {
  kind: "submit" | "agree";
  caseId: string;
  draftKey: string;
  draft: FormDraftView | undefined;
  heading: string;
  intro: string;
  defaults: RiskEvidence | null;
  rationale: string;
  version?: number;
  actionData: Route.ComponentProps["actionData"];
  formError: string | undefined;
  suggested: RiskEvidence | null;
  button: string;
}) {
  const { t } = useTranslation("assessment");
  const mine = actionData?.intent === kind;
  const yn = (b: boolean | undefined) => (b === undefined ? "" : b ? "yes" : "no");
  const values = mine
    ? actionData.values
    : {
        riskFactors: defaults?.riskFactors ?? "",
        protectiveFactors: yn(defaults?.protectiveFactors),
        capacityToChange: yn(defaults?.capacityToChange),
        rationale,
      };
  const errors = mine ? translateErrors(t, actionData.errors) : undefined;
  const yesNo = [
    { value: "yes", label: t("review.yes") },
    { value: "no", label: t("review.no") },
  ];
  return (
    <section aria-labelledby={`${kind}-heading`}>
      <h2 id={`${kind}-heading`}>{heading}</h2>
      <p>{intro}</p>
      {suggested ? (
        <p className="hw-notice">
          {t("review.suggested", {
            riskFactors: t(`rules:riskFactorStates.${suggested.riskFactors}`),
            protectiveFactors: suggested.protectiveFactors ? t("review.yes") : t("review.no"),
            capacityToChange: suggested.capacityToChange ? t("review.yes") : t("review.no"),
          })}
        </p>
      ) : null}
      <ErrorSummary title={t("auth:errors.summaryTitle")} errors={errors} formError={formError} />
      <Form method="post" noValidate aria-labelledby={`${kind}-heading`}>
        <FormErrors errors={errors}>
          <input type="hidden" name="intent" value={kind} />
          {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
          <RadioGroup
            label={t("rules:evidenceInputs.riskFactors")}
            name="riskFactors"
            defaultValue={values.riskFactors || undefined}
            options={(["none", "being_addressed", "not_addressed"] as const).map((s) => ({
              value: s,
              label: t(`rules:riskFactorStates.${s}`),
            }))}
          />
          <RadioGroup
            label={t("rules:evidenceInputs.protectiveFactors")}
            name="protectiveFactors"
            defaultValue={values.protectiveFactors || undefined}
            options={yesNo}
          />
          <RadioGroup
            label={t("rules:evidenceInputs.capacityToChange")}
            name="capacityToChange"
            defaultValue={values.capacityToChange || undefined}
            options={yesNo}
          />
          <DraftTextArea
            caseId={caseId}
            formKey={draftKey}
            base={String(version ?? (defaults ? 1 : 0))}
            label={t("review.rationaleLabel")}
            description={t("review.rationaleHelp")}
            name="rationale"
            defaultValue={draftValue(
              "rationale",
              mine ? values : undefined,
              draft,
              values.rationale ?? "",
            )}
          />
          <Button>{button}</Button>
        </FormErrors>
      </Form>
    </section>
  );
}
