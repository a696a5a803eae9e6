import { Glossed, useTranslation } from "@homeward/i18n/react";
import { assertSameOrigin, parseForm } from "@homeward/runtime";
import { StaleWrite } from "@homeward/services";
import {
  entryForViewer,
  familyResponseSchema,
  respondToEntry,
} from "@homeward/services/record-entries";
import { ErrorSummary, PageTitle } from "@homeward/ui";
import { data, Link, redirect } from "react-router";
import { formatDate } from "../../lib/dates.ts";
import { translateErrors } from "../../lib/errors.ts";
import { familyContext, orRefuse } from "../../lib/service-context.server.ts";
import { EasyEntry } from "../../easy-read/easy-entry.tsx";
import { ReadModeSwitch } from "../../easy-read/read-mode-switch.tsx";
import { readModeFor } from "../../lib/read-mode.server.ts";
import type { Route } from "./+types/entry";
import { keptResponseValues, RespondForm } from "./respond-form.tsx";

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { ctx } = await familyContext(context, request);
  // Easy read or standard (issue 8); first, so the switch's redirect audits no read twice.
  const readMode = await readModeFor(ctx, request);
  const entry = await orRefuse(entryForViewer(ctx, params.entryId));
  const draft = entry.myResponses.find((r) => r.status === "draft") ?? null;
  const saved = new URL(request.url).searchParams.get("saved");
  return { entry, draft, readMode, saved: saved === "draft" || saved === "sent" ? saved : null };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  assertSameOrigin(context, request);
  const { ctx } = await familyContext(context, request);
  const form = await request.formData();
  const values = Object.fromEntries(
    [...form.entries()].filter(([, v]) => typeof v === "string"),
  ) as Record<string, string>;
  const parsed = parseForm(familyResponseSchema, form);
  if (!parsed.ok)
    return data({ errors: parsed.errors, values, formError: undefined }, { status: 400 });
  try {
    const result = await orRefuse(respondToEntry(ctx, params.entryId, parsed.data));
    throw redirect(
      `/records/${params.entryId}?saved=${result.status === "draft" ? "draft" : "sent"}#respond`,
    );
  } catch (error) {
    if (error instanceof StaleWrite) {
      return data({ errors: {}, values, formError: "records:respond.stale" }, { status: 409 });
    }
    throw error;
  }
}

export default function Entry({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation("records");
  const { entry, draft, saved } = loaderData;
  const values = keptResponseValues(draft, actionData?.values);
  const sentResponses = entry.myResponses.filter((r) => r.status !== "draft");
  // Easy read (issue 8): the whole page in easy read, with the same form and action.
  if (loaderData.readMode === "easy") {
    return (
      <>
        <PageTitle page={entry.title} app={t("common:portal.name")} />
        <ReadModeSwitch mode="easy" />
        <EasyEntry entry={entry} draft={draft} saved={saved} actionData={actionData} />
      </>
    );
  }
  return (
    <>
      <PageTitle page={entry.title} app={t("common:portal.name")} />
      <ReadModeSwitch mode={loaderData.readMode} />
      <p>
        <Link to="/records">{t("entry.back")}</Link>
      </p>
      <h1>{entry.title}</h1>
      <p className="hw-status">
        <Glossed
          text={`${entry.status === "finalised" ? t("entry.statusFinal") : t("entry.statusToCheck")}${
            entry.status !== "finalised" && entry.deadline
              ? ` ${t("entry.replyBy", { date: formatDate(entry.deadline, i18n.language) })}`
              : ""
          }`}
        />
      </p>

      {entry.eventDate ? (
        <p>
          <Glossed
            text={t("entry.eventDate", { date: formatDate(entry.eventDate, i18n.language) })}
          />
        </p>
      ) : null}

      <section aria-labelledby="entry-text">
        <h2 id="entry-text">
          <Glossed text={t("entry.whatItSays", { version: entry.versionNumber })} />
        </h2>
        <div className="hw-entry-body hw-card">{entry.body}</div>
      </section>

      {entry.standingDisagreements.length > 0 ? (
        <section aria-labelledby="disagreements" className="hw-notice">
          <h2 id="disagreements">
            <Glossed text={t("entry.disagreementsTitle")} />
          </h2>
          {entry.standingDisagreements.map((d, index) =>
            d.byMe ? (
              <blockquote key={`mine-${index.toString()}`} className="hw-quote">
                <p>
                  <Glossed text={t("entry.yourView")} />
                </p>
                <p className="hw-entry-body">{d.body}</p>
              </blockquote>
            ) : (
              <p key={`other-${index.toString()}`}>
                <Glossed text={t("entry.someoneElseDisagrees")} />
              </p>
            ),
          )}
        </section>
      ) : null}

      {sentResponses.length > 0 ? (
        <section aria-labelledby="my-responses">
          <h2 id="my-responses">
            <Glossed text={t("entry.yourResponses")} />
          </h2>
          {sentResponses.map((response) => (
            <article key={response.id} className="hw-card">
              <h3>
                <Glossed text={t(`respond.kind.${response.kind}`)} />
              </h3>
              {response.writtenBy?.role === "interpreter" ? (
                <p>
                  <Glossed
                    text={t("interpreting:writtenBy", {
                      helper: response.writtenBy.helperName,
                      person: response.writtenBy.personName,
                    })}
                  />
                </p>
              ) : response.writtenOnBehalf ? (
                <p>
                  <Glossed text={t("entry.writtenOnBehalf")} />
                </p>
              ) : null}
              {response.anchorText ? (
                <blockquote className="hw-quote hw-entry-body" dir="auto">
                  {response.anchorText}
                </blockquote>
              ) : null}
              <p className="hw-entry-body" dir="auto">
                {response.body}
              </p>
              {response.proposedText ? (
                <p>
                  {t("entry.proposed")}{" "}
                  <span className="hw-entry-body" dir="auto">
                    {response.proposedText}
                  </span>
                </p>
              ) : null}
              <p className="hw-status">
                <Glossed text={t(`entry.responseStatus.${response.status}`)} />
              </p>
              {response.practitionerReply ? (
                <p>
                  <Glossed text={t("entry.reply")} />{" "}
                  <span dir="auto">{response.practitionerReply}</span>
                </p>
              ) : null}
            </article>
          ))}
        </section>
      ) : null}

      {entry.canRespond ? (
        <section aria-labelledby="respond-title" id="respond">
          <h2 id="respond-title">
            <Glossed text={t("respond.title")} />
          </h2>
          {saved === "draft" ? (
            <p className="hw-notice" role="status">
              <Glossed text={t("respond.savedDraft")} />
            </p>
          ) : null}
          {saved === "sent" ? (
            <p className="hw-notice" role="status">
              <Glossed text={t("respond.sent")} />
            </p>
          ) : null}
          <p>
            <Glossed text={t("respond.intro")} />
          </p>
          <ErrorSummary
            title={t("auth:errors.summaryTitle")}
            errors={translateErrors(t, actionData?.errors)}
            formError={actionData?.formError ? t(actionData.formError) : undefined}
          />
          <RespondForm
            ns="records"
            draft={draft}
            values={values}
            errors={translateErrors(t, actionData?.errors)}
            kinds={["comment", "correction", "disagreement"]}
            describeKinds
          />
        </section>
      ) : null}

      {entry.history.length > 1 ? (
        <section aria-labelledby="history">
          <h2 id="history">
            <Glossed text={t("entry.history")} />
          </h2>
          {entry.history.map((version) => (
            <details key={version.versionNumber} className="hw-card">
              <summary>
                {t("entry.version", {
                  version: version.versionNumber,
                  date: formatDate(version.createdAt, i18n.language),
                })}
              </summary>
              {version.changeReason ? <p>{version.changeReason}</p> : null}
              <div className="hw-entry-body">{version.body}</div>
            </details>
          ))}
        </section>
      ) : null}
    </>
  );
}
