// One parental agreement, built and followed by the practitioner (issue 7, part 1): what
// the rules still want before it can be published, who it is with and who has confirmed
// which version, the goals with every SMART part, progress (the family's notes shown apart
// and attributed), goal status, the support promised (anything the family flagged as not
// delivered stands out), review dates, and publishing to the family.
import { useTranslation } from "@homeward/i18n/react";
import { assertSameOrigin, services } from "@homeward/runtime";
import { StaleWrite } from "@homeward/services";
import {
  AgreementNotReady,
  addGoal,
  addReviewDate,
  addSupport,
  agreementDetailsSchema,
  agreementForBuilder,
  autosaveGoalText,
  type BuilderView,
  GoalStatusRefused,
  goalAutosaveSchema,
  goalInputSchema,
  goalStatusSchema,
  newGoalSchema,
  progressNoteSchema,
  publishAgreement,
  publishSchema,
  recordGoalStatus,
  reviewDateSchema,
  saveAgreementDetails,
  saveGoal,
  setSupportStatus,
  supportInputSchema,
  supportStatusSchema,
} from "@homeward/services/agreement-builder";
import {
  AgreementChangeRefused,
  endAgreement,
  endAgreementSchema,
  removeReviewDate,
  removeReviewDateSchema,
} from "@homeward/services/agreement-ending";
import { addGoalProgress } from "@homeward/services/agreements";
import { Button, PageTitle } from "@homeward/ui";
import { data, Form, Link, redirect, type ShouldRevalidateFunctionArgs } from "react-router";
import { CaseNav } from "../../components/case-nav.tsx";
import { orRefuse, staffContext } from "../../lib/service-context.server.ts";
import { londonDay } from "../assessment/dates.ts";
import type { Route } from "./+types/builder";
import { EndingSection, RemovedReviewDates, RemoveReviewDate } from "./ending.tsx";
import { type Kept, kept, parseWith } from "./form.ts";
import { GoalSection, NewGoal } from "./goal-parts.tsx";
import {
  DetailsSection,
  PartiesSection,
  ProblemList,
  ReviewsSection,
  SupportSection,
} from "./sections.tsx";

export const SAVED = [
  "created",
  "details",
  "goal",
  "goalAdded",
  "goalStatus",
  "progress",
  "support",
  "supportStatus",
  "review",
  "published",
  "ended",
  "reviewRemoved",
] as const;
type Saved = (typeof SAVED)[number];
/** Changes to the terms: once published, each is a new version the family confirms again. */
const TERMS: readonly Saved[] = [
  "details",
  "goal",
  "goalAdded",
  "support",
  "review",
  "reviewRemoved",
];
/** Notices worded in the practitioner-gaps namespace (ending, removing a review date). */
const GAPS_SAVED: readonly Saved[] = ["ended", "reviewRemoved"];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { ctx } = await staffContext(context, request);
  const view = await orRefuse(agreementForBuilder(ctx, params.agreementId));
  // The address names the case too: an agreement of another case is not found here.
  if (view.caseId !== params.caseId) throw data(null, { status: 404 });
  const url = new URL(request.url);
  const saved = url.searchParams.get("saved");
  const goal = url.searchParams.get("goal");
  return {
    view,
    saved: SAVED.find((s) => s === saved) ?? null,
    editing: view.canEdit && view.goals.some((g) => g.goalId === goal) ? goal : null,
  };
}

/** What a refused form gets back: its errors (i18n keys) and what was typed and ticked. */
export interface FormAnswer {
  intent: string;
  /** The goal or support the form was about; null for the agreement's own forms. */
  target: string | null;
  errors: Record<string, string>;
  kept: Kept;
  formError: string | null;
  problems: BuilderView["problems"] | null;
  conflict: boolean;
}
type AutosaveReply = { autosaved: boolean; savedAt: string | null; version: number | null };

const LISTS = ["partyMemberIds", "factorIds"];

export async function action({ request, context, params }: Route.ActionArgs) {
  assertSameOrigin(context, request);
  const { ctx } = await staffContext(context, request);
  const svc = services(context);
  const notify = { mailer: svc.mailer, portalOrigin: svc.otherOrigin };
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const agreementId = params.agreementId;
  const base = `/cases/${params.caseId}/agreements/${agreementId}`;
  const target = String(form.get("goalId") ?? form.get("supportId") ?? "") || null;
  const refused = (
    status: number,
    more: Partial<Pick<FormAnswer, "errors" | "formError" | "problems" | "conflict">>,
  ) =>
    data(
      {
        intent,
        target,
        errors: more.errors ?? {},
        kept: kept(form, LISTS),
        formError: more.formError ?? null,
        problems: more.problems ?? null,
        conflict: more.conflict ?? false,
      } satisfies FormAnswer,
      { status },
    );
  // Runs a save; a lost race, an incomplete agreement or a refused status are answers to
  // show beside the form (what was typed is kept), anything else is the error page.
  const attempt = async (work: () => Promise<unknown>) => {
    try {
      await orRefuse(work());
      return null;
    } catch (error) {
      if (error instanceof StaleWrite)
        return refused(409, { formError: "builder:errors.stale", conflict: true });
      if (error instanceof AgreementNotReady)
        return refused(400, {
          formError:
            intent === "publish" ? "builder:errors.notReady" : "builder:errors.stillComplete",
          problems: [...error.problems],
        });
      if (error instanceof GoalStatusRefused)
        return refused(400, { formError: `builder:goalStatusErrors.${error.code}` });
      if (error instanceof AgreementChangeRefused)
        return refused(400, { formError: `gaps:agreementErrors.${error.code}` });
      throw error;
    }
  };

  switch (intent) {
    case "autosave": {
      const parsed = goalAutosaveSchema.safeParse(Object.fromEntries(form));
      if (!parsed.success)
        return data({ autosaved: false, savedAt: null, version: null } satisfies AutosaveReply, {
          status: 400,
        });
      const { goalId, field, text, version } = parsed.data;
      try {
        const answer = await orRefuse(autosaveGoalText(ctx, goalId, field, text, version));
        return {
          autosaved: answer.saved,
          savedAt: answer.savedAt,
          version: answer.version,
        } satisfies AutosaveReply;
      } catch (error) {
        // Not saved: the browser keeps the text, and Save will show the conflict.
        if (error instanceof StaleWrite)
          return data({ autosaved: false, savedAt: null, version: null } satisfies AutosaveReply, {
            status: 409,
          });
        throw error;
      }
    }
    case "details": {
      const parsed = parseWith(agreementDetailsSchema, form, LISTS);
      if (!parsed.ok) return refused(400, { errors: parsed.errors });
      const answer = await attempt(() =>
        saveAgreementDetails(ctx, agreementId, parsed.data, notify),
      );
      return answer ?? redirect(`${base}?saved=details#details-title`);
    }
    case "saveGoal": {
      const parsed = parseWith(goalInputSchema, form, LISTS);
      if (!parsed.ok) return refused(400, { errors: parsed.errors });
      const answer = await attempt(() => saveGoal(ctx, target ?? "", parsed.data, notify));
      return answer ?? redirect(`${base}?saved=goal#goal-${target}`);
    }
    case "addGoal": {
      const parsed = parseWith(newGoalSchema, form, LISTS);
      if (!parsed.ok) return refused(400, { errors: parsed.errors });
      let goalId = "";
      const answer = await attempt(async () => {
        ({ goalId } = await addGoal(ctx, agreementId, parsed.data, notify));
      });
      return answer ?? redirect(`${base}?saved=goalAdded#goal-${goalId}`);
    }
    case "goalStatus": {
      const parsed = parseWith(goalStatusSchema, form);
      if (!parsed.ok) return refused(400, { errors: parsed.errors });
      const answer = await attempt(() => recordGoalStatus(ctx, parsed.data));
      return answer ?? redirect(`${base}?saved=goalStatus#goal-${target}`);
    }
    case "progress": {
      const parsed = parseWith(progressNoteSchema, form);
      if (!parsed.ok) return refused(400, { errors: parsed.errors });
      const { goalId, ...note } = parsed.data;
      await orRefuse(addGoalProgress(ctx, goalId, note));
      return redirect(`${base}?saved=progress#goal-${goalId}`);
    }
    case "addSupport": {
      const parsed = parseWith(supportInputSchema, form);
      if (!parsed.ok) return refused(400, { errors: parsed.errors });
      const answer = await attempt(() => addSupport(ctx, agreementId, parsed.data, notify));
      return answer ?? redirect(`${base}?saved=support#support-title`);
    }
    case "supportStatus": {
      const parsed = parseWith(supportStatusSchema, form);
      if (!parsed.ok) return refused(400, { errors: parsed.errors });
      const answer = await attempt(() => setSupportStatus(ctx, parsed.data));
      return answer ?? redirect(`${base}?saved=supportStatus#support-${target}`);
    }
    case "addReview": {
      const parsed = parseWith(reviewDateSchema, form);
      if (!parsed.ok) return refused(400, { errors: parsed.errors });
      const answer = await attempt(() => addReviewDate(ctx, agreementId, parsed.data, notify));
      return answer ?? redirect(`${base}?saved=review#reviews-title`);
    }
    case "endAgreement": {
      const parsed = parseWith(endAgreementSchema, form);
      if (!parsed.ok) return refused(400, { errors: parsed.errors });
      const answer = await attempt(() => endAgreement(ctx, agreementId, parsed.data, notify));
      return answer ?? redirect(`${base}?saved=ended`);
    }
    case "removeReview": {
      const parsed = parseWith(removeReviewDateSchema, form);
      if (!parsed.ok) return refused(400, { errors: parsed.errors });
      const answer = await attempt(() => removeReviewDate(ctx, agreementId, parsed.data));
      return answer ?? redirect(`${base}?saved=reviewRemoved#reviews-title`);
    }
    case "publish": {
      const parsed = parseWith(publishSchema, form);
      if (!parsed.ok) return refused(400, { formError: "builder:errors.version" });
      const answer = await attempt(() => publishAgreement(ctx, agreementId, parsed.data, notify));
      return answer ?? redirect(`${base}?saved=published`);
    }
  }
  return refused(400, { formError: "builder:errors.intent" });
}

/** After any post, read the agreement again: a refused save shows what is saved now. */
export function shouldRevalidate({
  formMethod,
  defaultShouldRevalidate,
}: ShouldRevalidateFunctionArgs) {
  return formMethod === "POST" || defaultShouldRevalidate;
}

export default function AgreementBuilder({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation("builder");
  const { view, saved, editing } = loaderData;
  const answer = actionData && "intent" in actionData ? (actionData as FormAnswer) : null;
  const heading = view.title;
  // A form-level message goes at the top unless the form it belongs to shows it itself.
  const topAnswer =
    answer && (answer.intent === "publish" || answer.formError === "builder:errors.intent")
      ? answer
      : null;
  return (
    <>
      <PageTitle
        page={t("builder.title", { title: view.title, reference: view.reference })}
        app={t("common:practitioner.name")}
      />
      <h1>{heading}</h1>
      <CaseNav caseId={view.caseId} reference={view.reference} />
      <p>
        <Link to={`/cases/${view.caseId}/agreements`}>{t("builder.back")}</Link>
      </p>
      <p className="hw-status">
        {t(`status.${view.status}`)}
        {" · "}
        {t("builder.versionLine", { version: view.version })}
        {view.publishedAt
          ? ` · ${t("builder.publishedOn", { date: londonDay(view.publishedAt, i18n.language) })}`
          : ""}
      </p>
      {saved ? (
        <div className="hw-notice" role="status">
          <p>{t(GAPS_SAVED.includes(saved) ? `gaps:saved.${saved}` : `saved.${saved}`)}</p>
          {TERMS.includes(saved) && view.status === "published" ? (
            <p>{t("saved.changedAfterPublishing", { version: view.version })}</p>
          ) : null}
        </div>
      ) : null}
      {topAnswer?.formError && !topAnswer.problems ? (
        <p className="hw-error-summary" role="alert">
          {t(topAnswer.formError)}
        </p>
      ) : null}

      {view.status === "draft" ? <PublishSection view={view} answer={topAnswer} /> : null}
      <PartiesSection view={view} />
      <DetailsSection view={view} answer={answer?.intent === "details" ? answer : null} />
      <GoalSection view={view} editing={editing} answer={answer} />
      {view.canEdit ? (
        <NewGoal view={view} answer={answer?.intent === "addGoal" ? answer : null} />
      ) : null}
      <SupportSection view={view} answer={answer} />
      <ReviewsSection view={view} answer={answer?.intent === "addReview" ? answer : null} />
      <RemoveReviewDate view={view} answer={answer?.intent === "removeReview" ? answer : null} />
      <RemovedReviewDates view={view} />
      <EndingSection view={view} answer={answer?.intent === "endAgreement" ? answer : null} />
    </>
  );
}

function PublishSection({ view, answer }: { view: BuilderView; answer: FormAnswer | null }) {
  const { t } = useTranslation("builder");
  // After a refused publish, the problems the rules gave then (the same as the page's now).
  const problems = answer?.problems ?? view.problems;
  return (
    <section aria-labelledby="publish-title" className="hw-card">
      <h2 id="publish-title">{t("publish.heading")}</h2>
      {answer?.formError ? (
        <p className="hw-error-summary" role="alert">
          {t(answer.formError)}
        </p>
      ) : null}
      {problems.length === 0 ? (
        <p>{t("publish.ready")}</p>
      ) : (
        <>
          <p>{t("publish.notReady")}</p>
          <ProblemList problems={problems} goals={view.goals} />
        </>
      )}
      {view.canPublish ? (
        <Form method="post" className="hw-actions">
          <input type="hidden" name="intent" value="publish" />
          <input type="hidden" name="version" value={view.version} />
          <Button>{t("publish.submit")}</Button>
        </Form>
      ) : null}
      <p className="hw-field__description">{t("publish.afterPublishing")}</p>
    </section>
  );
}
