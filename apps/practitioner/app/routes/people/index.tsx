// A case's confidential details (issues 7 and 8): each person's contact details and whom they
// are hidden from, the names that must not reach particular family members, and the
// placement address, which no family member sees. The share check on the records pages looks
// for exactly what is recorded here. The social worker changes it; the manager reads it.
import { intlLocale } from "@homeward/i18n";
import { useTranslation } from "@homeward/i18n/react";
import { assertSameOrigin, keptValues, parseForm } from "@homeward/runtime";
import { StaleWrite } from "@homeward/services";
import {
  addConfidentialName,
  ConfidentialDetailsRefusal,
  type ConfidentialNameView,
  type ContactValues,
  confidentialDetailsFor,
  type EarlierVersion,
  type NameValues,
  nameSchema,
  type PersonDetails,
  retireConfidentialName,
  retireSchema,
} from "@homeward/services/confidential-details";
import {
  Button,
  CheckboxGroup,
  ErrorSummary,
  FormErrors,
  PageTitle,
  TextField,
} from "@homeward/ui";
import type { ReactNode } from "react";
import { data, Form, Link, redirect } from "react-router";
import { CaseNav } from "../../components/case-nav.tsx";
import { translateErrors } from "../../lib/errors.ts";
import { orRefuse, staffContext } from "../../lib/service-context.server.ts";
import { calendarDay } from "../assessment/dates.ts";
import type { Route } from "./+types/index";

const notices = ["contactSaved", "nameAdded", "nameSaved", "nameRetired"] as const;
type Intent = "addName" | "retire";
type Answer = {
  intent: Intent;
  errors: Record<string, string>;
  values: Record<string, string>;
  hiddenFrom: string[];
  formError?: string;
};

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { ctx } = await staffContext(context, request);
  const view = await orRefuse(confidentialDetailsFor(ctx, params.caseId));
  const done = new URL(request.url).searchParams.get("done");
  return { view, done: notices.find((n) => n === done) ?? null };
}

const answer = (intent: Intent, form: FormData, rest: Partial<Answer>, status: number) =>
  data(
    {
      intent,
      errors: {},
      values: keptValues(form),
      hiddenFrom: form.getAll("hiddenFrom").map(String),
      ...rest,
    } satisfies Answer,
    { status },
  );

export async function action({ request, context, params }: Route.ActionArgs) {
  assertSameOrigin(context, request);
  const { ctx } = await staffContext(context, request);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const here = `/cases/${params.caseId}/people`;
  switch (intent) {
    case "addName": {
      const input = {
        name: String(form.get("name") ?? ""),
        description: String(form.get("description") ?? ""),
        hiddenFrom: form.getAll("hiddenFrom").map(String),
      };
      const parsed = nameSchema.safeParse(input);
      if (!parsed.success) {
        const errors: Record<string, string> = {};
        for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
        return answer(intent, form, { errors }, 400);
      }
      try {
        await orRefuse(addConfidentialName(ctx, params.caseId, input));
      } catch (error) {
        if (error instanceof ConfidentialDetailsRefusal)
          return answer(intent, form, { errors: { hiddenFrom: `errors.${error.code}` } }, 400);
        throw error;
      }
      throw redirect(`${here}?done=nameAdded#names-title`);
    }
    case "retire": {
      const parsed = parseForm(retireSchema, form);
      if (!parsed.ok) return answer(intent, form, { formError: "errors.intent" }, 400);
      try {
        await orRefuse(retireConfidentialName(ctx, params.caseId, parsed.data));
      } catch (error) {
        if (error instanceof StaleWrite || error instanceof ConfidentialDetailsRefusal)
          return answer(intent, form, { formError: "errors.staleName" }, 409);
        throw error;
      }
      throw redirect(`${here}?done=nameRetired#names-title`);
    }
  }
  return data(
    {
      intent: "addName",
      errors: {},
      values: {},
      hiddenFrom: [],
      formError: "errors.intent",
    } satisfies Answer,
    { status: 400 },
  );
}

export default function ConfidentialDetails({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("people");
  const { view, done } = loaderData;
  const retiring = actionData?.intent === "retire" ? actionData : null;
  return (
    <>
      <PageTitle
        page={t("title", { reference: view.reference })}
        app={t("common:practitioner.name")}
      />
      <h1>{t("heading", { child: view.childName })}</h1>
      <CaseNav caseId={view.caseId} reference={view.reference} />
      <p>{t("intro")}</p>
      {view.canEdit ? null : <p className="hw-muted">{t("readOnly")}</p>}
      {done ? (
        <p className="hw-notice" role="status">
          {t(`done.${done}`)}
        </p>
      ) : null}
      {retiring?.formError ? (
        <p className="hw-notice" role="alert">
          {t(retiring.formError)}
        </p>
      ) : null}

      <section aria-labelledby="people-title">
        <h2 id="people-title">{t("people.heading")}</h2>
        <p>{t("people.intro")}</p>
        {view.people.map((person) => (
          <Person
            key={person.personId}
            person={person}
            caseId={view.caseId}
            canEdit={view.canEdit}
          />
        ))}
      </section>

      <section aria-labelledby="names-title">
        <h2 id="names-title">{t("names.heading")}</h2>
        <p>{t("names.intro")}</p>
        {view.names.length === 0 ? <p>{t("names.none")}</p> : null}
        {view.names.map((name) => (
          <NameCard key={name.nameId} name={name} caseId={view.caseId} canEdit={view.canEdit} />
        ))}
        {view.canEdit ? (
          <AddName
            people={view.people}
            answer={actionData?.intent === "addName" ? actionData : null}
          />
        ) : null}
        {view.retiredNames.length > 0 ? (
          <>
            <h3>{t("names.retiredHeading")}</h3>
            {view.retiredNames.map((name) => (
              <NameCard key={name.nameId} name={name} caseId={view.caseId} canEdit={false} />
            ))}
          </>
        ) : null}
      </section>

      <section aria-labelledby="placement-title">
        <h2 id="placement-title">{t("placement.heading")}</h2>
        <p>{t("placement.intro")}</p>
        {view.placement ? (
          <div className="hw-card">
            <p className="hw-status">{t("placement.confidential")}</p>
            <dl className="hw-summary">
              <dt>{t("placement.carers")}</dt>
              <dd dir="auto">{view.placement.carerNames}</dd>
              <dt>{t("placement.address")}</dt>
              <dd dir="auto">{view.placement.address}</dd>
              {view.placement.phone ? (
                <>
                  <dt>{t("placement.phone")}</dt>
                  <dd dir="ltr">{view.placement.phone}</dd>
                </>
              ) : null}
            </dl>
          </div>
        ) : (
          <p>{t("placement.none")}</p>
        )}
      </section>
    </>
  );
}

function Audience({ hiddenFrom }: { hiddenFrom: { personId: string; name: string }[] }) {
  const { t } = useTranslation("people");
  if (hiddenFrom.length === 0) return <>{t("hiddenFrom.nobody")}</>;
  return (
    <ul>
      {hiddenFrom.map((p) => (
        <li key={p.personId} dir="auto">
          {p.name}
        </li>
      ))}
    </ul>
  );
}

function Person({
  person,
  caseId,
  canEdit,
}: {
  person: PersonDetails;
  caseId: string;
  canEdit: boolean;
}) {
  const { t, i18n } = useTranslation("people");
  const id = `person-${person.personId}`;
  const c = person.contact;
  return (
    <article className="hw-card" aria-labelledby={id}>
      <h3 id={id} dir="auto">
        {person.name}
      </h3>
      <p className="hw-muted">
        {person.isSubjectChild
          ? t("practitioner:overview.people.theChild")
          : t(`practitioner:overview.relationships.${person.relationship}`)}
      </p>
      {c ? (
        <dl className="hw-summary">
          <dt>{t("contact.address")}</dt>
          <dd dir="auto">{c.address ?? t("contact.notRecorded")}</dd>
          <dt>{t("contact.phone")}</dt>
          <dd dir="ltr">{c.phone ?? t("contact.notRecorded")}</dd>
          <dt>{t("contact.email")}</dt>
          <dd dir="ltr">{c.email ?? t("contact.notRecorded")}</dd>
          <dt>{t("hiddenFrom.label")}</dt>
          <dd>
            <Audience hiddenFrom={c.hiddenFrom} />
          </dd>
          <dt>{t("contact.changed")}</dt>
          <dd>
            {t("contact.changedValue", {
              date: calendarDay(c.updatedOn, i18n.language),
              versions: c.earlierVersions,
            })}
          </dd>
        </dl>
      ) : (
        <p>{t("contact.none")}</p>
      )}
      {c ? (
        <History
          versions={c.history}
          label={person.name}
          render={(v) => <ContactVersionValues values={v} />}
        />
      ) : null}
      {canEdit ? (
        <p>
          <Link to={`/cases/${caseId}/people/${person.personId}/contact`}>
            {t(c ? "contact.change" : "contact.add")}
            <span className="hw-visually-hidden"> {t("contact.for", { name: person.name })}</span>
          </Link>
        </p>
      ) : null}
    </article>
  );
}

function NameCard({
  name,
  caseId,
  canEdit,
}: {
  name: ConfidentialNameView;
  caseId: string;
  canEdit: boolean;
}) {
  const { t, i18n } = useTranslation("people");
  const id = `name-${name.nameId}`;
  return (
    <article className="hw-card" aria-labelledby={id}>
      <h3 id={id} dir="auto">
        {name.name}
      </h3>
      {name.description ? <p dir="auto">{name.description}</p> : null}
      <dl className="hw-summary">
        <dt>{t("hiddenFrom.label")}</dt>
        <dd>
          <Audience hiddenFrom={name.hiddenFrom} />
        </dd>
        {name.endedOn ? (
          <>
            <dt>{t("names.ended")}</dt>
            <dd>{calendarDay(name.endedOn, i18n.language)}</dd>
          </>
        ) : null}
      </dl>
      <History
        versions={name.history}
        label={name.name}
        render={(v) => <NameVersionValues values={v} />}
      />
      {canEdit ? (
        <div className="hw-actions">
          <Link to={`/cases/${caseId}/people/names/${name.nameId}`}>
            {t("names.change")}
            <span className="hw-visually-hidden"> {name.name}</span>
          </Link>
          <Form method="post">
            <input type="hidden" name="intent" value="retire" />
            <input type="hidden" name="nameId" value={name.nameId} />
            <input type="hidden" name="version" value={name.version} />
            <Button variant="secondary">
              {t("names.retire")}
              <span className="hw-visually-hidden"> {name.name}</span>
            </Button>
          </Form>
        </div>
      ) : null}
    </article>
  );
}

function AddName({ people, answer }: { people: PersonDetails[]; answer: Answer | null }) {
  const { t } = useTranslation("people");
  const errors = translateErrors(t, answer?.errors);
  const formError = answer?.formError ? t(answer.formError) : undefined;
  const values = answer?.values ?? {};
  return (
    <Form method="post" noValidate aria-labelledby="add-name-title" className="hw-card">
      <h3 id="add-name-title">{t("names.addHeading")}</h3>
      <ErrorSummary title={t("auth:errors.summaryTitle")} errors={errors} formError={formError} />
      <FormErrors errors={errors}>
        <input type="hidden" name="intent" value="addName" />
        <TextField
          label={t("names.name")}
          name="name"
          autoComplete="off"
          defaultValue={values.name ?? ""}
          isRequired
        />
        <TextField
          label={t("names.description")}
          description={t("names.descriptionHelp")}
          name="description"
          autoComplete="off"
          defaultValue={values.description ?? ""}
        />
        <CheckboxGroup
          label={t("names.hiddenFrom")}
          description={t("names.hiddenFromHelp")}
          name="hiddenFrom"
          defaultValue={answer?.hiddenFrom ?? []}
          isRequired
          options={people.map((p) => ({ value: p.personId, label: p.name }))}
        />
        <Button>{t("names.add")}</Button>
      </FormErrors>
    </Form>
  );
}

/**
 * The earlier versions of a contact or a name, newest first: a native disclosure, so it opens
 * without JavaScript. Who replaced each version, when, and what changed; the values as they
 * were only when the service sent them (the policy lets this viewer read the details).
 */
function History<V>({
  versions,
  label,
  render,
}: {
  versions: EarlierVersion<V>[];
  label: string;
  render: (values: V) => ReactNode;
}) {
  const { t, i18n } = useTranslation("people");
  if (versions.length === 0) return <p className="hw-muted">{t("history.none")}</p>;
  const when = (iso: string) =>
    new Intl.DateTimeFormat(intlLocale(i18n.language), {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: "Europe/London",
    }).format(new Date(iso));
  const list = new Intl.ListFormat(intlLocale(i18n.language), { type: "conjunction" });
  return (
    <details className="hw-card">
      <summary>
        {t("history.summary", { versions: versions.length })}
        <span className="hw-visually-hidden"> {t("history.of", { name: label })}</span>
      </summary>
      <ol className="hw-list" reversed>
        {versions.map((v) => (
          <li key={v.version}>
            <p>
              <strong>{t("history.version", { version: v.version })}</strong>{" "}
              {t("history.replaced", { name: v.changedByName, when: when(v.changedAt) })}
            </p>
            <p>
              {t("history.changed", {
                fields: list.format(v.changed.map((f) => t(`history.fields.${f}`))),
              })}
            </p>
            {v.values === null ? (
              <p className="hw-muted">{t("history.valuesHidden")}</p>
            ) : (
              render(v.values)
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}

function ContactVersionValues({ values }: { values: ContactValues }) {
  const { t } = useTranslation("people");
  return (
    <dl className="hw-summary">
      <dt>{t("contact.address")}</dt>
      <dd dir="auto">{values.address ?? t("contact.notRecorded")}</dd>
      <dt>{t("contact.phone")}</dt>
      <dd dir="ltr">{values.phone ?? t("contact.notRecorded")}</dd>
      <dt>{t("contact.email")}</dt>
      <dd dir="ltr">{values.email ?? t("contact.notRecorded")}</dd>
      <dt>{t("hiddenFrom.label")}</dt>
      <dd>
        <Audience hiddenFrom={values.hiddenFrom} />
      </dd>
    </dl>
  );
}

function NameVersionValues({ values }: { values: NameValues }) {
  const { t } = useTranslation("people");
  return (
    <dl className="hw-summary">
      <dt>{t("names.name")}</dt>
      <dd dir="auto">{values.name}</dd>
      <dt>{t("names.description")}</dt>
      <dd dir="auto">{values.description ?? t("contact.notRecorded")}</dd>
      <dt>{t("hiddenFrom.label")}</dt>
      <dd>
        <Audience hiddenFrom={values.hiddenFrom} />
      </dd>
    </dl>
  );
}
