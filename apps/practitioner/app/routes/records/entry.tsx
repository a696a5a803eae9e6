// The review screen (issue 7, practitioner side): the entry's text with the family's
// responses beside it - comments, corrections with their proposed wording and reason, and
// disagreements - each answered by accepting (a new version from the proposed text), declining
// with a reason, or noting. Then finalising, with standing disagreements kept attached.
import { useTranslation } from "@homeward/i18n/react";
import { assertSameOrigin, keptValues, parseForm } from "@homeward/runtime";
import { StaleWrite } from "@homeward/services";
import {
  entryVersionSchema,
  finaliseEntry,
  type ReviewResponse,
  type ReviewView,
  replySchema,
  replyToResponse,
  reviewFor,
} from "@homeward/services/record-review";
import { Button, ErrorSummary, FormErrors, PageTitle, RadioGroup, TextField } from "@homeward/ui";
import { data, Form, Link, redirect } from "react-router";
import { CaseNav } from "../../components/case-nav.tsx";
import { translateErrors } from "../../lib/errors.ts";
import { orRefuse, staffContext } from "../../lib/service-context.server.ts";
import { calendarDay, londonDay } from "../assessment/dates.ts";
import type { Route } from "./+types/entry";
import { notifyDeps } from "./notify.server.ts";
import { whoWrote } from "./who-wrote.ts";

const savedNotices = ["created", "edited", "shared", "replied", "finalised"] as const;

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { ctx } = await staffContext(context, request);
  const view = await orRefuse(reviewFor(ctx, params.entryId));
  if (view.caseId !== params.caseId) throw data(null, { status: 404 });
  const saved = new URL(request.url).searchParams.get("saved");
  return { view, saved: savedNotices.find((s) => s === saved) ?? null };
}

type ActionAnswer = {
  intent: "reply" | "finalise";
  responseId: string | null;
  errors: Record<string, string>;
  values: Record<string, string>;
  formError: string | null;
};

export async function action({ request, context, params }: Route.ActionArgs) {
  assertSameOrigin(context, request);
  const { ctx } = await staffContext(context, request);
  const form = await request.formData();
  const values = keptValues(form);
  const base = `/cases/${params.caseId}/records/${params.entryId}`;
  const intent = form.get("intent");
  const answer = (rest: Partial<ActionAnswer> & Pick<ActionAnswer, "intent">, status: number) =>
    data(
      {
        responseId: values.responseId ?? null,
        errors: {},
        values,
        formError: null,
        ...rest,
      } satisfies ActionAnswer,
      { status },
    );
  try {
    switch (intent) {
      case "reply": {
        const parsed = parseForm(replySchema, form);
        if (!parsed.ok) return answer({ intent, errors: parsed.errors }, 400);
        const result = await orRefuse(replyToResponse(ctx, parsed.data, notifyDeps(context)));
        if (!result.ok)
          return answer({ intent, formError: `review:reply.refused.${result.code}` }, 400);
        return redirect(`${base}?saved=replied#response-${parsed.data.responseId}`);
      }
      case "finalise": {
        const version = entryVersionSchema.safeParse({ version: form.get("version") });
        if (!version.success) return answer({ intent, formError: "review:finalise.stale" }, 400);
        const result = await orRefuse(finaliseEntry(ctx, params.entryId, version.data.version));
        if (!result.ok)
          return answer({ intent, formError: `review:finalise.codes.${result.code}` }, 400);
        return redirect(`${base}?saved=finalised`);
      }
    }
  } catch (error) {
    // Someone changed the entry or answered this response first: show the page as it is now.
    if (error instanceof StaleWrite)
      return answer(
        {
          intent: intent === "finalise" ? "finalise" : "reply",
          formError: intent === "finalise" ? "review:finalise.stale" : "review:reply.stale",
        },
        409,
      );
    throw error;
  }
  return answer({ intent: "reply", formError: "review:errors.unknown" }, 400);
}

export default function ReviewEntry({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation("review");
  const { view, saved } = loaderData;
  const answer = actionData as ActionAnswer | undefined;
  const final = view.status === "finalised";
  return (
    <>
      <PageTitle page={view.title} app={t("common:practitioner.name")} />
      <h1>{view.title}</h1>
      <CaseNav caseId={view.caseId} reference={view.reference} />
      <p>
        <Link to={`/cases/${view.caseId}/records`}>{t("entry.back")}</Link>
      </p>
      {saved ? (
        <p className="hw-notice" role="status">
          {t(`saved.${saved}`)}
        </p>
      ) : null}
      {answer?.formError && answer.intent === "finalise" ? (
        <ErrorSummary title={t("auth:errors.summaryTitle")} formError={t(answer.formError)} />
      ) : null}
      <p className="hw-status">
        {t(`status.${view.status}`)}
        {" · "}
        {t(`kinds.${view.kind}`)}
        {" · "}
        {t("entry.version", { version: view.versionNumber })}
        {view.notForFamily ? ` · ${t("notForFamily.badge")}` : ""}
      </p>
      <p>
        {t("entry.author", { name: view.authorName })}
        {final && view.finalisedAt
          ? ` ${t("entry.finalisedBy", {
              name: view.finalisedByName ?? "",
              date: londonDay(view.finalisedAt, i18n.language),
            })}`
          : ""}
      </p>
      {!final ? (
        <div className="hw-actions">
          {view.canEdit ? (
            <Link to="edit">
              {t("entry.edit")}
              <span className="hw-visually-hidden"> {view.title}</span>
            </Link>
          ) : null}
          {view.canShare ? (
            <Link to="share">
              {view.status === "draft" ? t("entry.share") : t("entry.shareMore")}
              <span className="hw-visually-hidden"> {view.title}</span>
            </Link>
          ) : null}
          {!view.canEdit && view.kind === "chronology_event" ? (
            <Link to={`/cases/${view.caseId}/chronology`}>{t("entry.inChronology")}</Link>
          ) : null}
        </div>
      ) : null}

      <div
        className="hw-review"
        // The text and the responses side by side where there is room, stacked on a phone.
        style={{
          display: "grid",
          gap: "1.5rem",
          gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 22rem), 1fr))",
          alignItems: "start",
        }}
      >
        <section aria-labelledby="text-title">
          <h2 id="text-title">
            {final
              ? t("entry.finalText", { version: view.versionNumber })
              : t("entry.text", { version: view.versionNumber })}
          </h2>
          <div className="hw-entry-body hw-card">{view.body}</div>
          {view.standingDisagreements.length > 0 ? (
            <section aria-labelledby="standing-title" className="hw-notice">
              <h3 id="standing-title">{t("entry.standing.title")}</h3>
              <p>{t("entry.standing.intro")}</p>
              {view.standingDisagreements.map((d) => (
                <blockquote key={d.id} className="hw-quote">
                  <p>{t("entry.standing.by", { name: whoWrote(t, d) })}</p>
                  <p className="hw-entry-body">{d.body}</p>
                </blockquote>
              ))}
            </section>
          ) : null}
        </section>
        <section aria-labelledby="responses-title">
          <h2 id="responses-title">
            {t("entry.responses.title", { number: view.responses.length })}
          </h2>
          {view.responses.length === 0 ? <p>{t("entry.responses.none")}</p> : null}
          {view.responses.map((r) => (
            <ResponseCard
              key={r.id}
              view={view}
              response={r}
              answer={answer?.intent === "reply" && answer.responseId === r.id ? answer : null}
            />
          ))}
        </section>
      </div>

      {view.recipients.length > 0 ? (
        <section aria-labelledby="recipients-title">
          <h2 id="recipients-title">{t("entry.recipients.title")}</h2>
          <ul className="hw-list">
            {view.recipients.map((r) => (
              <li key={r.memberId}>
                {t(r.responded ? "entry.recipients.responded" : "entry.recipients.waiting", {
                  name: r.name,
                  date: calendarDay(r.deadline, i18n.language),
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {view.canFinalise && view.status === "shared_for_review" ? (
        <section aria-labelledby="finalise-title">
          <h2 id="finalise-title">{t("finalise.title")}</h2>
          {view.finalise.ok ? (
            <Form method="post" aria-labelledby="finalise-title">
              <p>
                {view.standingDisagreements.length > 0
                  ? t("finalise.withDisagreements", { number: view.standingDisagreements.length })
                  : t("finalise.intro")}
              </p>
              <input type="hidden" name="version" value={view.version} />
              <Button name="intent" value="finalise">
                {t("finalise.submit")}
              </Button>
            </Form>
          ) : (
            <p>{t(`finalise.codes.${view.finalise.code}`)}</p>
          )}
        </section>
      ) : null}

      {view.history.length > 1 ? (
        <section aria-labelledby="history-title">
          <h2 id="history-title">{t("entry.history")}</h2>
          {view.history.map((v) => (
            <details key={v.versionNumber} className="hw-card">
              <summary>
                {t("entry.historyItem", {
                  version: v.versionNumber,
                  name: v.createdByName,
                  date: londonDay(v.createdAt, i18n.language),
                })}
              </summary>
              {v.fromResponseId ? <p>{t("entry.fromResponse")}</p> : null}
              {v.changeReason ? <p>{v.changeReason}</p> : null}
              <div className="hw-entry-body">{v.body}</div>
            </details>
          ))}
        </section>
      ) : null}
    </>
  );
}

function ResponseCard({
  view,
  response: r,
  answer,
}: {
  view: ReviewView;
  response: ReviewResponse;
  answer: ActionAnswer | null;
}) {
  const { t, i18n } = useTranslation("review");
  const titleId = `response-title-${r.id}`;
  const who = whoWrote(t, r);
  const canAnswer = view.canReply && r.status === "open";
  const decisions = r.decisions.filter((d) => d !== "accept" || view.canAccept);
  const errors = translateErrors(t, answer?.errors);
  return (
    <article className="hw-card" id={`response-${r.id}`} aria-labelledby={titleId}>
      <h3 id={titleId}>
        {t(`responseKind.${r.kind}`)}: {who}
      </h3>
      <p className="hw-status">
        {t(`responseStatus.${r.status}`)}
        {" · "}
        {t("entry.responses.received", {
          date: calendarDay(r.receivedOn, i18n.language),
          version: r.versionNumber,
        })}
      </p>
      {r.clock ? (
        r.clock.daysLeft === null ? null : (
          <p className={r.clock.overdue ? "hw-field__error" : undefined}>
            {r.clock.overdue
              ? t("list.corrections.overdue", {
                  date: calendarDay(r.clock.answerBy, i18n.language),
                })
              : t("list.corrections.answerBy", {
                  date: calendarDay(r.clock.answerBy, i18n.language),
                  days: r.clock.daysLeft,
                })}
          </p>
        )
      ) : null}
      <dl className="hw-details">
        {r.anchorText ? (
          <>
            <dt>{t("entry.responses.anchor")}</dt>
            <dd>
              <blockquote className="hw-quote hw-entry-body" dir="auto">
                {r.anchorText}
              </blockquote>
            </dd>
          </>
        ) : null}
        {r.proposedText ? (
          <>
            <dt>{t("entry.responses.proposed")}</dt>
            <dd className="hw-entry-body">{r.proposedText}</dd>
          </>
        ) : null}
        <dt>{t(`entry.responses.body.${r.kind}`)}</dt>
        <dd className="hw-entry-body">{r.body}</dd>
        {r.reply || r.repliedByName ? (
          <>
            <dt>{t("entry.responses.reply", { name: r.repliedByName ?? "" })}</dt>
            <dd className="hw-entry-body">{r.reply ?? "-"}</dd>
          </>
        ) : null}
        {r.resultingVersionNumber ? (
          <>
            <dt>{t("entry.responses.result")}</dt>
            <dd>{t("entry.version", { version: r.resultingVersionNumber })}</dd>
          </>
        ) : null}
      </dl>
      {canAnswer && decisions.length > 0 ? (
        <Form method="post" noValidate aria-labelledby={`reply-title-${r.id}`}>
          <h4 id={`reply-title-${r.id}`}>
            {t("reply.title", { name: r.onBehalfOfName ?? r.authorName })}
          </h4>
          <ErrorSummary
            title={t("auth:errors.summaryTitle")}
            errors={errors}
            formError={answer?.formError ? t(answer.formError) : undefined}
          />
          <FormErrors errors={errors}>
            <input type="hidden" name="intent" value="reply" />
            <input type="hidden" name="responseId" value={r.id} />
            <input type="hidden" name="responseVersion" value={r.version} />
            <input type="hidden" name="entryVersion" value={view.version} />
            <RadioGroup
              label={t("reply.decision")}
              name="decision"
              id={`decision-${r.id}`}
              defaultValue={answer?.values.decision || undefined}
              options={decisions.map((d) => ({
                value: d,
                label: t(`reply.decisions.${d}`),
                description: t(`reply.decisionsHelp.${d}`),
              }))}
            />
            {decisions.includes("accept") ? (
              <TextField
                label={t("reply.resultingText")}
                description={
                  r.suggestion?.applied
                    ? t("reply.resultingTextApplied")
                    : t("reply.resultingTextHelp")
                }
                name="resultingText"
                id={`resulting-${r.id}`}
                multiline
                rows={8}
                defaultValue={answer?.values.resultingText ?? r.suggestion?.text ?? view.body}
              />
            ) : null}
            <TextField
              label={t("reply.reply")}
              description={t("reply.replyHelp")}
              name="reply"
              id={`reply-${r.id}`}
              multiline
              rows={4}
              defaultValue={answer?.values.reply ?? ""}
            />
            <Button type="submit">{t("reply.submit")}</Button>
          </FormErrors>
        </Form>
      ) : null}
    </article>
  );
}
