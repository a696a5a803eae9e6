// Factors and capacity to change (issue 6, item 4): the catalogue by domain, each factor
// assessed with notes and evidence, the parents' capacity to change, and how the app
// derives the three inputs of the traffic-lights table from them.
import { useTranslation } from "@homeward/i18n/react";
import { assertSameOrigin, parseForm } from "@homeward/runtime";
import { StaleWrite } from "@homeward/services";
import {
  type AssessedFactor,
  addCapacityEvidence,
  capacityInputSchema,
  type DerivedEvidence,
  factorInputSchema,
  factorsFor,
  saveFactor,
} from "@homeward/services/assessment";
import {
  clearFormDraft,
  submittedDraftBase,
  type FormDraftView,
  formDraftsFor,
} from "@homeward/services/form-drafts";
import { Button, ErrorSummary, FormErrors, PageTitle, RadioGroup, TextField } from "@homeward/ui";
import { data, Form, redirect } from "react-router";
import { CaseNav } from "../../components/case-nav.tsx";
import { DraftTextArea, draftValue } from "../../components/draft-text-area.tsx";
import { translateErrors } from "../../lib/errors.ts";
import { orRefuse, staffContext } from "../../lib/service-context.server.ts";
import type { Route } from "./+types/factors";
import { londonDay } from "./dates.ts";

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { ctx } = await staffContext(context, request);
  const view = await orRefuse(factorsFor(ctx, params.caseId));
  const saved = new URL(request.url).searchParams.get("saved");
  const drafts = view.canEdit ? await formDraftsFor(ctx, params.caseId, "") : new Map();
  return { view, saved, drafts: Object.fromEntries(drafts) as Record<string, FormDraftView> };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  assertSameOrigin(context, request);
  const { ctx } = await staffContext(context, request);
  const form = await request.formData();
  const values = Object.fromEntries(
    [...form.entries()].filter(([, v]) => typeof v === "string"),
  ) as Record<string, string>;
  const intent = values.intent;
  switch (intent) {
    case "factor": {
      const parsed = parseForm(factorInputSchema, form);
      if (!parsed.ok)
        return data(
          { intent, errors: parsed.errors, values, formError: undefined },
          { status: 400 },
        );
      try {
        await orRefuse(saveFactor(ctx, params.caseId, parsed.data.factorId, parsed.data));
        await clearFormDraft(
          ctx,
          params.caseId,
          `factor:${parsed.data.factorId}`,
          submittedDraftBase(form),
        );
      } catch (error) {
        if (error instanceof StaleWrite) {
          return data(
            { intent, errors: {}, values, formError: "assessment:factors.stale" },
            { status: 409 },
          );
        }
        throw error;
      }
      throw redirect(
        `/cases/${params.caseId}/factors?saved=${parsed.data.factorId}#factor-${parsed.data.factorId}`,
      );
    }
    case "capacity": {
      const parsed = parseForm(capacityInputSchema, form);
      if (!parsed.ok)
        return data(
          { intent, errors: parsed.errors, values, formError: undefined },
          { status: 400 },
        );
      await orRefuse(addCapacityEvidence(ctx, params.caseId, parsed.data));
      await clearFormDraft(ctx, params.caseId, "capacity:new", submittedDraftBase(form));
      throw redirect(`/cases/${params.caseId}/factors?saved=capacity#capacity`);
    }
    default:
      return data(
        { intent: "", errors: {}, values, formError: "assessment:errors.intent" },
        { status: 400 },
      );
  }
}

type ActionData = Route.ComponentProps["actionData"];

export default function Factors({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("assessment");
  const { view, saved, drafts } = loaderData;
  return (
    <>
      <PageTitle
        page={t("factors.title", { reference: view.reference })}
        app={t("common:practitioner.name")}
      />
      <h1>{t("factors.heading", { child: view.childName })}</h1>
      <CaseNav caseId={view.caseId} reference={view.reference} />
      <p>{t("factors.intro")}</p>
      {saved ? (
        <p className="hw-notice" role="status">
          {saved === "capacity"
            ? t("capacity.saved")
            : t("factors.saved", { factor: t(`rules:factors.${saved}`) })}
        </p>
      ) : null}
      <Derived derived={view.derived} capacity={view.capacity} />
      {view.domains.map((domain) => (
        <section key={domain.domain} aria-labelledby={`domain-${domain.domain}`}>
          <h2 id={`domain-${domain.domain}`}>{t(`rules:factorDomains.${domain.domain}`)}</h2>
          {(["raises", "lowers"] as const).map((direction) =>
            domain[direction].length > 0 ? (
              <div key={direction}>
                <h3>{t(`factors.direction.${direction}`)}</h3>
                <ul className="hw-factor-list">
                  {domain[direction].map((factor) => (
                    <li key={factor.factorId} id={`factor-${factor.factorId}`}>
                      <FactorForm
                        caseId={view.caseId}
                        factor={factor}
                        canEdit={view.canEdit}
                        actionData={actionData}
                        draft={drafts[`factor:${factor.factorId}`]}
                      />
                    </li>
                  ))}
                </ul>
              </div>
            ) : null,
          )}
        </section>
      ))}
      <Capacity view={view} actionData={actionData} draft={drafts["capacity:new"]} />
    </>
  );
}

function presentLabel(t: (k: string) => string, present: boolean | null) {
  if (present === null) return t("factors.notAssessed");
  return present ? t("factors.present") : t("factors.notPresent");
}

function FactorForm({
  caseId,
  factor,
  canEdit,
  actionData,
  draft,
}: {
  caseId: string;
  factor: AssessedFactor;
  canEdit: boolean;
  actionData: ActionData;
  draft: FormDraftView | undefined;
}) {
  const { t } = useTranslation("assessment");
  const mine = actionData?.intent === "factor" && actionData.values.factorId === factor.factorId;
  const values = mine
    ? actionData.values
    : {
        present: factor.present === null ? "" : factor.present ? "yes" : "no",
        notes: factor.notes,
        evidence: factor.evidence,
      };
  const base = `f-${factor.factorId}`;
  const errors = mine ? translateErrors(t, actionData.errors) : undefined;
  const savedVersion = String(factor.version ?? 0);
  // A draft typed against an older version is saved against that version, so a change
  // someone else made since shows as a conflict instead of being overwritten.
  const draftBase = !mine && draft?.base ? draft.base : savedVersion;
  return (
    <details className="hw-card" open={mine || undefined}>
      <summary>
        {t(factor.labelKey)}: <strong>{presentLabel(t, factor.present)}</strong>
      </summary>
      {mine && actionData.formError ? (
        <div className="hw-notice" role="alert">
          <p>{t(actionData.formError)}</p>
          <p>{t("factors.savedVersion")}</p>
          <p>
            {presentLabel(t, factor.present)}
            {factor.notes ? ` - ${factor.notes}` : ""}
            {factor.evidence ? ` (${factor.evidence})` : ""}
          </p>
        </div>
      ) : null}
      {canEdit ? (
        <Form method="post" noValidate aria-label={t(factor.labelKey)}>
          <ErrorSummary title={t("auth:errors.summaryTitle")} errors={errors} />
          <FormErrors errors={errors}>
            <input type="hidden" name="intent" value="factor" />
            <input type="hidden" name="factorId" value={factor.factorId} />
            {factor.version !== null ? (
              <input type="hidden" name="version" value={draftBase} />
            ) : null}
            {draft && !mine ? <p className="hw-status">{t("practitioner:drafts.kept")}</p> : null}
            <RadioGroup
              id={`${base}-present`}
              label={t("factors.presentLabel")}
              name="present"
              defaultValue={values.present || undefined}
              options={[
                { value: "yes", label: t("factors.present") },
                { value: "no", label: t("factors.notPresent") },
              ]}
            />
            <DraftTextArea
              caseId={caseId}
              formKey={`factor:${factor.factorId}`}
              base={savedVersion}
              label={t("factors.notesLabel")}
              name="notes"
              rows={3}
              defaultValue={draftValue(
                "notes",
                mine ? values : undefined,
                draft,
                values.notes ?? "",
              )}
            />
            <DraftTextArea
              caseId={caseId}
              formKey={`factor:${factor.factorId}`}
              base={savedVersion}
              label={t("factors.evidenceLabel")}
              name="evidence"
              rows={2}
              defaultValue={draftValue(
                "evidence",
                mine ? values : undefined,
                draft,
                values.evidence ?? "",
              )}
            />
            <Button>{t("factors.save")}</Button>
          </FormErrors>
        </Form>
      ) : (
        <>
          {factor.notes ? <p>{factor.notes}</p> : null}
          {factor.evidence ? <p>{t("factors.evidenceIs", { evidence: factor.evidence })}</p> : null}
        </>
      )}
    </details>
  );
}

function Derived({
  derived,
  capacity,
}: {
  derived: DerivedEvidence;
  capacity: { id: string; summary: string }[];
}) {
  const { t } = useTranslation("assessment");
  const summaryOf = (id: string) => capacity.find((c) => c.id === id)?.summary ?? id;
  const { reasons } = derived;
  return (
    <section aria-labelledby="derived" className="hw-card">
      <h2 id="derived">{t("derived.heading")}</h2>
      <p>{derived.assessed ? t("derived.intro") : t("derived.notAssessed")}</p>
      <dl>
        <dt>{t("rules:evidenceInputs.riskFactors")}</dt>
        <dd>
          <strong>{t(`rules:riskFactorStates.${reasons.riskFactors.state}`)}</strong>
          {" - "}
          {t(`derived.codes.${reasons.riskFactors.code}`)}
          {reasons.riskFactors.factorIds.length > 0 ? (
            <ul>
              {reasons.riskFactors.factorIds.map((id) => (
                <li key={id}>{t(`rules:factors.${id}`)}</li>
              ))}
            </ul>
          ) : null}
          {reasons.riskFactors.capacityIds.length > 0 ? (
            <>
              <span>{t("derived.changeShownBy")}</span>
              <ul>
                {reasons.riskFactors.capacityIds.map((id) => (
                  <li key={id}>{summaryOf(id)}</li>
                ))}
              </ul>
            </>
          ) : null}
        </dd>
        <dt>{t("rules:evidenceInputs.protectiveFactors")}</dt>
        <dd>
          <strong>{reasons.protectiveFactors.value ? t("derived.yes") : t("derived.no")}</strong>
          {" - "}
          {t(`derived.codes.${reasons.protectiveFactors.code}`)}
          {reasons.protectiveFactors.factorIds.length > 0 ? (
            <ul>
              {reasons.protectiveFactors.factorIds.map((id) => (
                <li key={id}>{t(`rules:factors.${id}`)}</li>
              ))}
            </ul>
          ) : null}
        </dd>
        <dt>{t("rules:evidenceInputs.capacityToChange")}</dt>
        <dd>
          <strong>{reasons.capacityToChange.value ? t("derived.yes") : t("derived.no")}</strong>
          {" - "}
          {t(`derived.codes.${reasons.capacityToChange.code}`)}
        </dd>
      </dl>
      <p>
        {t("derived.level")}{" "}
        <span className={`hw-risk hw-risk--${derived.level}`}>
          {t(`rules:riskLevels.${derived.level}`)}
        </span>
      </p>
      <p>{t("derived.judgement")}</p>
    </section>
  );
}

function Capacity({
  view,
  actionData,
  draft,
}: {
  view: Route.ComponentProps["loaderData"]["view"];
  actionData: ActionData;
  draft: FormDraftView | undefined;
}) {
  const { t, i18n } = useTranslation("assessment");
  const mine = actionData?.intent === "capacity";
  const values = mine ? actionData.values : {};
  const errors = mine ? translateErrors(t, actionData.errors) : undefined;
  return (
    <section aria-labelledby="capacity-heading" id="capacity">
      <h2 id="capacity-heading">{t("capacity.heading")}</h2>
      {view.capacity.length === 0 ? (
        <p>{t("capacity.none")}</p>
      ) : (
        <ul>
          {view.capacity.map((c) => (
            <li key={c.id} className="hw-card">
              <p>
                <strong>
                  {c.demonstratesChange ? t("capacity.shows") : t("capacity.doesNotShow")}
                </strong>
                {" - "}
                {c.summary}
              </p>
              {c.personName ? <p>{t("capacity.about", { name: c.personName })}</p> : null}
              {c.evidence ? <p>{t("factors.evidenceIs", { evidence: c.evidence })}</p> : null}
              <p className="hw-status">
                {t("capacity.recorded", { date: londonDay(c.recordedAt, i18n.language) })}
              </p>
            </li>
          ))}
        </ul>
      )}
      {view.canEdit ? (
        <Form method="post" noValidate aria-labelledby="capacity-add">
          <h3 id="capacity-add">{t("capacity.add")}</h3>
          <ErrorSummary title={t("auth:errors.summaryTitle")} errors={errors} />
          <FormErrors errors={errors}>
            <input type="hidden" name="intent" value="capacity" />
            <RadioGroup
              label={t("capacity.personLabel")}
              name="personId"
              defaultValue={values.personId || "none"}
              options={[
                { value: "none", label: t("capacity.noPerson") },
                ...view.people.map((p) => ({ value: p.id, label: p.name })),
              ]}
            />
            <TextField
              label={t("capacity.summaryLabel")}
              name="summary"
              defaultValue={values.summary}
            />
            <DraftTextArea
              caseId={view.caseId}
              formKey="capacity:new"
              base={String(view.capacity.length)}
              label={t("capacity.evidenceLabel")}
              name="evidence"
              rows={2}
              defaultValue={draftValue("evidence", mine ? values : undefined, draft)}
            />
            <RadioGroup
              label={t("capacity.demonstratesLabel")}
              name="demonstratesChange"
              defaultValue={values.demonstratesChange || undefined}
              options={[
                { value: "yes", label: t("capacity.shows") },
                { value: "no", label: t("capacity.doesNotShow") },
              ]}
            />
            <Button>{t("capacity.save")}</Button>
          </FormErrors>
        </Form>
      ) : null}
    </section>
  );
}
