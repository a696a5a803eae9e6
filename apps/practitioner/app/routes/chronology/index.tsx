import { intlLocale } from "@homeward/i18n";
import { useTranslation } from "@homeward/i18n/react";
import { assertSameOrigin, keptValues, parseForm } from "@homeward/runtime";
import { StaleWrite } from "@homeward/services";
import {
  addEvent,
  autosaveSchema,
  type ChronologyEvent,
  chronologyEntrySchema,
  chronologyFor,
  editEvent,
  editVersionSchema,
  moveEvent,
  StaleChronologyEdit,
  saveDraftText,
} from "@homeward/services/chronology";
import { Button, ErrorSummary, FormErrors, PageTitle, RadioGroup, TextField } from "@homeward/ui";
import { useEffect, useState } from "react";
import { data, Form, Link, redirect, useParams } from "react-router";
import { CaseNav } from "../../components/case-nav.tsx";
import { RecordTextArea } from "../../components/record-text-area.tsx";
import { translateErrors } from "../../lib/errors.ts";
import { orRefuse, staffContext } from "../../lib/service-context.server.ts";
import type { Route } from "./+types/index";

const savedNotices = ["added", "edited", "moved", "reader"] as const;

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { ctx } = await staffContext(context, request);
  const view = await orRefuse(chronologyFor(ctx, params.caseId));
  const url = new URL(request.url);
  const saved = url.searchParams.get("saved");
  const edit = url.searchParams.get("edit");
  return {
    view,
    editing: view.events.concat(view.gaps).some((e) => e.entryId === edit && e.canEdit)
      ? edit
      : null,
    saved: savedNotices.find((s) => s === saved) ?? null,
  };
}

type Values = Record<string, string>;
type ActionAnswer =
  | { intent: "add"; errors: Record<string, string>; values: Values }
  | {
      intent: "edit";
      entryId: string;
      errors: Record<string, string>;
      values: Values;
      conflict: ChronologyEvent | null;
    }
  | { intent: "move"; formError: string }
  | { autosaved: boolean; savedAt: string | null; version: number | null };

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

export async function action({ request, context, params }: Route.ActionArgs) {
  assertSameOrigin(context, request);
  const { ctx } = await staffContext(context, request);
  const form = await request.formData();
  const intent = text(form, "intent");
  const base = `/cases/${params.caseId}/chronology`;
  switch (intent) {
    case "add": {
      const values = keptValues(form);
      const parsed = parseForm(chronologyEntrySchema, form);
      if (!parsed.ok)
        return data({ intent, errors: parsed.errors, values } satisfies ActionAnswer, {
          status: 400,
        });
      const { entryId } = await orRefuse(addEvent(ctx, params.caseId, parsed.data));
      return redirect(`${base}?saved=added#entry-${entryId}`);
    }
    case "edit": {
      const values = keptValues(form);
      const entryId = text(form, "entryId");
      const parsed = parseForm(chronologyEntrySchema, form);
      const version = editVersionSchema.safeParse({ version: text(form, "version") });
      if (!parsed.ok || !version.success)
        return data(
          {
            intent,
            entryId,
            errors: parsed.ok ? {} : parsed.errors,
            values,
            conflict: null,
          } satisfies ActionAnswer,
          { status: 400 },
        );
      try {
        await orRefuse(editEvent(ctx, entryId, { ...parsed.data, version: version.data.version }));
      } catch (error) {
        // Someone saved first: keep what this person typed and show both versions.
        if (error instanceof StaleChronologyEdit)
          return data(
            { intent, entryId, errors: {}, values, conflict: error.saved } satisfies ActionAnswer,
            { status: 409 },
          );
        throw error;
      }
      return redirect(`${base}?saved=edited#entry-${entryId}`);
    }
    case "autosave": {
      const parsed = autosaveSchema.safeParse(Object.fromEntries(form));
      if (!parsed.success)
        return data({ autosaved: false, savedAt: null, version: null } satisfies ActionAnswer, {
          status: 400,
        });
      const { field, text: typed, version } = parsed.data;
      try {
        const answer = await orRefuse(
          saveDraftText(ctx, text(form, "entryId"), field, typed, version),
        );
        return {
          autosaved: answer.saved,
          savedAt: answer.savedAt,
          version: answer.version,
        } satisfies ActionAnswer;
      } catch (error) {
        // Not saved: the browser keeps the text, and Save will show the conflict.
        if (error instanceof StaleWrite)
          return data({ autosaved: false, savedAt: null, version: null } satisfies ActionAnswer, {
            status: 409,
          });
        throw error;
      }
    }
    case "move": {
      const entryId = text(form, "entryId");
      const direction = text(form, "direction") === "up" ? "up" : "down";
      const version = editVersionSchema.safeParse({ version: text(form, "version") });
      if (!version.success)
        return data({ intent, formError: "chronology:errors.moved" } satisfies ActionAnswer, {
          status: 400,
        });
      try {
        await orRefuse(moveEvent(ctx, entryId, direction, version.data.version));
      } catch (error) {
        if (error instanceof StaleWrite)
          return data({ intent, formError: "chronology:errors.moved" } satisfies ActionAnswer, {
            status: 409,
          });
        throw error;
      }
      return redirect(`${base}?saved=moved#entry-${entryId}`);
    }
  }
  return data({ intent: "move", formError: "chronology:errors.unknown" } satisfies ActionAnswer, {
    status: 400,
  });
}

function useDates() {
  const { i18n } = useTranslation("chronology");
  return {
    date: (iso: string) =>
      new Intl.DateTimeFormat(intlLocale(i18n.language), {
        dateStyle: "long",
        timeZone: "UTC",
      }).format(new Date(`${iso}T00:00:00Z`)),
  };
}

export default function Chronology({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("chronology");
  const { view, saved } = loaderData;
  const answer = actionData as ActionAnswer | undefined;
  const editAnswer = answer && "intent" in answer && answer.intent === "edit" ? answer : null;
  const addAnswer = answer && "intent" in answer && answer.intent === "add" ? answer : null;
  const moveAnswer = answer && "intent" in answer && answer.intent === "move" ? answer : null;
  const editing = editAnswer?.entryId ?? loaderData.editing;
  const heading = t("title", { child: view.childName });
  return (
    <>
      <PageTitle page={heading} app={t("common:practitioner.name")} />
      <h1>{heading}</h1>
      <CaseNav caseId={view.caseId} reference={view.reference} />
      {saved ? (
        <p className="hw-notice" role="status">
          {t(`saved.${saved}`)}
        </p>
      ) : null}
      {moveAnswer ? (
        <p className="hw-error-summary" role="alert">
          {t(moveAnswer.formError)}
        </p>
      ) : null}
      <p>{t("intro")}</p>

      <section aria-labelledby="reader-title">
        <h2 id="reader-title">{t("reader.title")}</h2>
        <p>
          {view.readers.length > 0
            ? t("reader.assigned", { names: view.readers.map((r) => r.name).join(", ") })
            : t("reader.none")}
        </p>
        {view.viewerIsReader ? <p className="hw-notice">{t("reader.youAreReader")}</p> : null}
        {view.canAssignReader ? (
          <p>
            <Link to={`/cases/${view.caseId}/chronology/reader`}>{t("reader.assignLink")}</Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="patterns-title">
        <h2 id="patterns-title">{t("patterns.title")}</h2>
        {view.patterns.length > 0 ? (
          <ul className="hw-list">
            {view.patterns.map((pattern) => (
              <li key={pattern}>
                {t("patterns.item", {
                  pattern,
                  count: view.events.filter((e) => e.pattern === pattern).length,
                })}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("patterns.none")}</p>
        )}
      </section>

      <section aria-labelledby="events-title">
        <h2 id="events-title">{t("events.title", { count: view.events.length })}</h2>
        {view.events.length === 0 ? <p>{t("events.none")}</p> : null}
        <ol className="hw-chronology">
          {view.events.map((event, index) => (
            <li key={event.entryId} id={`entry-${event.entryId}`}>
              {editing === event.entryId ? (
                <EditEvent event={event} answer={editAnswer} />
              ) : (
                <EventCard
                  event={event}
                  first={index === 0}
                  last={index === view.events.length - 1}
                />
              )}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="gaps-title">
        <h2 id="gaps-title">{t("gaps.title", { count: view.gaps.length })}</h2>
        <p>{t("gaps.intro")}</p>
        {view.gaps.length === 0 ? <p>{t("gaps.none")}</p> : null}
        <ul className="hw-chronology">
          {view.gaps.map((gap, index) => (
            <li key={gap.entryId} id={`entry-${gap.entryId}`}>
              {editing === gap.entryId ? (
                <EditEvent event={gap} answer={editAnswer} />
              ) : (
                <EventCard event={gap} first={index === 0} last={index === view.gaps.length - 1} />
              )}
            </li>
          ))}
        </ul>
      </section>

      {view.canAdd && !editing ? <AddEvent answer={addAnswer} /> : null}
      {editing ? (
        <p>
          <Link to={`/cases/${view.caseId}/chronology#add-title`}>{t("add.backToAdd")}</Link>
        </p>
      ) : null}
    </>
  );
}

function EventCard({
  event,
  first,
  last,
}: {
  event: ChronologyEvent;
  first: boolean;
  last: boolean;
}) {
  const { t } = useTranslation("chronology");
  const { date } = useDates();
  const isGap = event.kind === "gap";
  return (
    <article className="hw-card" aria-labelledby={`title-${event.entryId}`}>
      <h3 id={`title-${event.entryId}`}>
        {event.eventDate ? `${date(event.eventDate)}: ` : ""}
        {event.title}
      </h3>
      <p className="hw-status">
        {t(`status.${event.status}`)}
        {" · "}
        {t("versionNumber", { version: event.versionNumber })}
      </p>
      <p className={event.byReader ? "hw-notice" : undefined}>
        {event.byReader
          ? t("byReader", { name: event.authorName })
          : t("byAuthor", { name: event.authorName })}
      </p>
      <dl className="hw-details">
        {isGap ? null : (
          <>
            <dt>{t("fields.source")}</dt>
            <dd>{event.source}</dd>
          </>
        )}
        <dt>{isGap ? t("fields.missing") : t("fields.body")}</dt>
        <dd className="hw-entry-body">{event.body}</dd>
        {event.significance ? (
          <>
            <dt>{t("fields.significance")}</dt>
            <dd>{event.significance}</dd>
          </>
        ) : null}
        {event.analysis ? (
          <>
            <dt>{isGap ? t("fields.howToFill") : t("fields.analysis")}</dt>
            <dd className="hw-entry-body">{event.analysis}</dd>
          </>
        ) : null}
        {event.pattern ? (
          <>
            <dt>{t("fields.pattern")}</dt>
            <dd>{event.pattern}</dd>
          </>
        ) : null}
      </dl>
      {event.canEdit ? (
        <div className="hw-actions">
          <Link to={`?edit=${event.entryId}#entry-${event.entryId}`}>
            {t("edit.link")}
            <span className="hw-visually-hidden"> {event.title}</span>
          </Link>
          <Form method="post" className="hw-actions">
            <input type="hidden" name="intent" value="move" />
            <input type="hidden" name="entryId" value={event.entryId} />
            <input type="hidden" name="version" value={event.version} />
            {first ? null : (
              <Button name="direction" value="up" variant="secondary">
                {t("move.up")}
                <span className="hw-visually-hidden"> {event.title}</span>
              </Button>
            )}
            {last ? null : (
              <Button name="direction" value="down" variant="secondary">
                {t("move.down")}
                <span className="hw-visually-hidden"> {event.title}</span>
              </Button>
            )}
          </Form>
        </div>
      ) : null}
    </article>
  );
}

function EntryFields({
  values,
  kind,
  autosave,
}: {
  values: Values;
  kind: "event" | "gap" | null;
  autosave: {
    entryId: string;
    version: number;
    setVersion: (version: number) => void;
  } | null;
}) {
  const { t } = useTranslation("chronology");
  const longText = (name: "body" | "analysis", label: string, description: string) =>
    autosave ? (
      <RecordTextArea
        namespace="chronology"
        label={label}
        description={description}
        name={name}
        rows={6}
        defaultValue={values[name] ?? ""}
        storageKey={`homeward:chronology:${autosave.entryId}:${name}`}
        version={autosave.version}
        setVersion={autosave.setVersion}
        fields={{ entryId: autosave.entryId, field: name }}
      />
    ) : (
      <TextField
        label={label}
        description={description}
        name={name}
        multiline
        rows={6}
        defaultValue={values[name] ?? ""}
      />
    );
  return (
    <>
      {kind ? (
        <input type="hidden" name="kind" value={kind} />
      ) : (
        <RadioGroup
          label={t("fields.kind")}
          name="kind"
          defaultValue={values.kind || "event"}
          options={(["event", "gap"] as const).map((k) => ({
            value: k,
            label: t(`kinds.${k}`),
            description: t(`kinds.${k}Help`),
          }))}
        />
      )}
      <TextField
        label={t("fields.title")}
        description={t("fields.titleHelp")}
        name="title"
        defaultValue={values.title ?? ""}
      />
      <TextField
        label={t("fields.eventDate")}
        description={t("fields.eventDateHelp")}
        name="eventDate"
        type="date"
        defaultValue={values.eventDate ?? ""}
      />
      {kind === "gap" ? null : (
        <TextField
          label={t("fields.source")}
          description={t("fields.sourceHelp")}
          name="source"
          defaultValue={values.source ?? ""}
        />
      )}
      {kind === "gap"
        ? longText("body", t("fields.missing"), t("fields.missingHelp"))
        : longText("body", t("fields.body"), t("fields.bodyHelp"))}
      <TextField
        label={t("fields.significance")}
        description={t("fields.significanceHelp")}
        name="significance"
        defaultValue={values.significance ?? ""}
      />
      {kind === "gap"
        ? longText("analysis", t("fields.howToFill"), t("fields.howToFillHelp"))
        : longText("analysis", t("fields.analysis"), t("fields.analysisHelp"))}
      {kind === "gap" ? null : (
        <TextField
          label={t("fields.pattern")}
          description={t("fields.patternHelp")}
          name="pattern"
          defaultValue={values.pattern ?? ""}
        />
      )}
    </>
  );
}

function AddEvent({ answer }: { answer: Extract<ActionAnswer, { intent: "add" }> | null }) {
  const { t } = useTranslation("chronology");
  const errors = translateErrors(t, answer?.errors);
  return (
    <section aria-labelledby="add-title">
      <h2 id="add-title">{t("add.title")}</h2>
      <ErrorSummary title={t("auth:errors.summaryTitle")} errors={errors} />
      <Form method="post" noValidate aria-labelledby="add-title">
        <FormErrors errors={errors}>
          <EntryFields values={answer?.values ?? {}} kind={null} autosave={null} />
          <Button name="intent" value="add">
            {t("add.submit")}
          </Button>
        </FormErrors>
      </Form>
    </section>
  );
}

function EditEvent({
  event,
  answer,
}: {
  event: ChronologyEvent;
  answer: Extract<ActionAnswer, { intent: "edit" }> | null;
}) {
  const { t } = useTranslation("chronology");
  const { caseId } = useParams();
  const mine = answer?.entryId === event.entryId ? answer : null;
  const conflict = mine?.conflict ?? null;
  // After a conflict the person has seen the saved version: their next save is made on it.
  const [version, setVersion] = useState(conflict?.version ?? event.version);
  const conflictVersion = conflict?.version;
  useEffect(() => {
    if (conflictVersion) setVersion(conflictVersion);
  }, [conflictVersion]);
  const values: Values = mine?.values ?? {
    title: event.title,
    eventDate: event.eventDate ?? "",
    source: event.source ?? "",
    body: event.body,
    significance: event.significance ?? "",
    analysis: event.analysis ?? "",
    pattern: event.pattern ?? "",
  };
  const errors = translateErrors(t, mine?.errors);
  const titleId = `edit-title-${event.entryId}`;
  return (
    <section className="hw-card" aria-labelledby={titleId}>
      <h3 id={titleId}>{t("edit.title", { title: event.title })}</h3>
      {conflict ? <ConflictPanel yours={values} saved={conflict} /> : null}
      <ErrorSummary title={t("auth:errors.summaryTitle")} errors={errors} />
      <Form method="post" noValidate aria-labelledby={titleId}>
        <FormErrors errors={errors}>
          <input type="hidden" name="entryId" value={event.entryId} />
          <input type="hidden" name="version" value={version} />
          <EntryFields
            values={values}
            kind={event.kind}
            autosave={{ entryId: event.entryId, version, setVersion }}
          />
          {event.status === "draft" ? null : <p>{t("edit.sharedNote")}</p>}
          <div className="hw-actions">
            <Button name="intent" value="edit">
              {conflict ? t("conflict.saveMine") : t("edit.submit")}
            </Button>
            <Link to={`/cases/${caseId}/chronology#entry-${event.entryId}`}>
              {t("edit.cancel")}
            </Link>
          </div>
        </FormErrors>
      </Form>
    </section>
  );
}

function ConflictPanel({ yours, saved }: { yours: Values; saved: ChronologyEvent }) {
  const { t } = useTranslation("chronology");
  return (
    <div
      className="hw-error-summary hw-conflict"
      role="alert"
      aria-labelledby="conflict-title"
      tabIndex={-1}
    >
      <h4 id="conflict-title">{t("conflict.title")}</h4>
      <p>{t("conflict.body", { name: saved.authorName })}</p>
      <div
        className="hw-conflict__versions"
        // Side by side where there is room, one above the other on a phone.
        style={{
          display: "grid",
          gap: "1rem",
          gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 16rem), 1fr))",
        }}
      >
        <section aria-labelledby="conflict-yours">
          <h5 id="conflict-yours">{t("conflict.yours")}</h5>
          <p className="hw-field__description">{t("fields.body")}</p>
          <p className="hw-entry-body">{yours.body}</p>
          <p className="hw-field__description">{t("fields.analysis")}</p>
          <p className="hw-entry-body">{yours.analysis}</p>
        </section>
        <section aria-labelledby="conflict-saved">
          <h5 id="conflict-saved">{t("conflict.saved", { version: saved.versionNumber })}</h5>
          <p className="hw-field__description">{t("fields.body")}</p>
          <p className="hw-entry-body">{saved.body}</p>
          <p className="hw-field__description">{t("fields.analysis")}</p>
          <p className="hw-entry-body">{saved.analysis}</p>
        </section>
      </div>
      <p>{t("conflict.next")}</p>
    </div>
  );
}
