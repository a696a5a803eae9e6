// Advocates (issue 8): the allocated social worker arranges an advocate for a parent or young
// person with their consent recorded (who, when, how) - the same emailed invitation a parent
// sends from the portal, granted by the social worker - and sees and ends arrangements.
import { intlLocale } from "@homeward/i18n";
import { useTranslation } from "@homeward/i18n/react";
import { assertSameOrigin, keptValues, languageFor, services } from "@homeward/runtime";
import {
  advocacyFormInput,
  arrangeAdvocate,
  arrangementSchema,
  caseAdvocacy,
  type ConsentMethod,
  type PersonAdvocacy,
  withdrawAdvocate,
  withdrawInvitation,
} from "@homeward/services/advocacy";
import { StaleWrite } from "@homeward/services/context";
import { londonDate } from "@homeward/services/family-cases";
import {
  Button,
  CheckboxGroup,
  ErrorSummary,
  FormErrors,
  PageTitle,
  RadioGroup,
  TextField,
} from "@homeward/ui";
import { data, Form, redirect } from "react-router";
import { CaseNav } from "../../components/case-nav.tsx";
import { translateErrors } from "../../lib/errors.ts";
import { orRefuse, staffContext } from "../../lib/service-context.server.ts";
import type { Route } from "./+types/index";

const notices = ["invited", "ended", "cancelled"] as const;
const permissionOrder = ["read", "respond", "views"] as const;
// The schema's list, repeated as a type-checked literal: importing the value would pull the
// services (server-only) into the browser bundle.
const consentMethods = [
  "in_person",
  "phone",
  "in_writing",
] as const satisfies readonly ConsentMethod[];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { ctx } = await staffContext(context, request);
  const view = await orRefuse(caseAdvocacy(ctx, params.caseId));
  const done = new URL(request.url).searchParams.get("done");
  return { view, done: notices.find((n) => n === done) ?? null };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  assertSameOrigin(context, request);
  const { viewer, ctx } = await staffContext(context, request);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const here = `/cases/${params.caseId}/advocates`;
  const answer = (rest: { errors?: Record<string, string>; formError?: string }, status: number) =>
    data(
      {
        intent,
        errors: rest.errors ?? {},
        formError: rest.formError,
        values: keptValues(form),
        permissions: form.getAll("permissions").map(String),
      },
      { status },
    );
  const svc = services(context);
  try {
    switch (intent) {
      case "arrange": {
        const parsed = arrangementSchema(londonDate(ctx.now)).safeParse({
          ...advocacyFormInput(form),
          caseId: params.caseId,
        });
        if (!parsed.success) {
          const errors: Record<string, string> = {};
          for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
          return answer({ errors }, 400);
        }
        await orRefuse(
          arrangeAdvocate(
            ctx,
            { mailer: svc.mailer, portalOrigin: svc.otherOrigin },
            { ...parsed.data, language: languageFor(request, viewer) },
          ),
        );
        throw redirect(`${here}?done=invited`);
      }
      case "end": {
        await orRefuse(
          withdrawAdvocate(ctx, {
            advocateMemberId: String(form.get("memberId") ?? ""),
            version: Number(form.get("version") ?? 0),
          }),
        );
        throw redirect(`${here}?done=ended`);
      }
      case "cancel": {
        await orRefuse(
          withdrawInvitation(ctx, {
            invitationId: String(form.get("invitationId") ?? ""),
            version: Number(form.get("version") ?? 0),
          }),
        );
        throw redirect(`${here}?done=cancelled`);
      }
      default:
        return answer({ formError: "advocacy:errors.intent" }, 400);
    }
  } catch (error) {
    if (error instanceof StaleWrite) return answer({ formError: "advocacy:errors.stale" }, 409);
    throw error;
  }
}

export default function Advocates({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("advocates");
  const { view, done } = loaderData;
  const arranging = actionData?.intent === "arrange" ? actionData : undefined;
  const errors = translateErrors(t, arranging?.errors);
  const people = view.people.filter((p) => p.canArrange);
  return (
    <>
      <PageTitle page={t("title")} app={t("common:practitioner.name")} />
      <CaseNav caseId={view.caseId} reference={view.reference} />
      <h1>{t("title")}</h1>
      {done ? (
        <p className="hw-notice" role="status">
          {t(`done.${done}`)}
        </p>
      ) : null}
      {actionData && !arranging ? (
        <ErrorSummary
          title={t("auth:errors.summaryTitle")}
          formError={t(actionData.formError ?? "advocacy:errors.intent")}
        />
      ) : null}
      <p>{t("intro")}</p>
      {view.people.map((p) => (
        <PersonArrangements key={p.forMemberId} person={p} />
      ))}

      <h2 id="arrange-heading">{t("arrange.heading")}</h2>
      <p>{t("arrange.consentNote")}</p>
      <ErrorSummary title={t("auth:errors.summaryTitle")} errors={errors} />
      <Form method="post" noValidate aria-labelledby="arrange-heading">
        <FormErrors errors={errors}>
          <RadioGroup
            label={t("arrange.person")}
            name="forMemberId"
            defaultValue={arranging?.values.forMemberId ?? people[0]?.forMemberId}
            options={people.map((p) => ({
              value: p.forMemberId,
              label: `${p.name} (${t(`roles.${p.role}`, { defaultValue: p.role })})`,
            }))}
          />
          <TextField
            label={t("arrange.email")}
            description={t("arrange.emailHint")}
            name="email"
            type="email"
            autoComplete="off"
            isRequired
            defaultValue={arranging?.values.email ?? ""}
          />
          <CheckboxGroup
            label={t("arrange.permissions")}
            name="permissions"
            defaultValue={arranging?.permissions ?? ["read"]}
            options={permissionOrder.map((p) => ({ value: p, label: t(`permissions.${p}`) }))}
          />
          <TextField
            label={t("arrange.until")}
            name="activeUntil"
            type="date"
            isRequired
            defaultValue={arranging?.values.activeUntil ?? ""}
          />
          <TextField
            label={t("arrange.consentGivenOn")}
            name="consentGivenOn"
            type="date"
            isRequired
            defaultValue={arranging?.values.consentGivenOn ?? ""}
          />
          <RadioGroup
            label={t("arrange.consentMethod")}
            name="consentMethod"
            defaultValue={arranging?.values.consentMethod}
            options={consentMethods.map((m) => ({ value: m, label: t(`arrange.methods.${m}`) }))}
          />
          <Button name="intent" value="arrange">
            {t("arrange.submit")}
          </Button>
        </FormErrors>
      </Form>
    </>
  );
}

function PersonArrangements({
  person,
}: {
  person: PersonAdvocacy & { name: string; role: string };
}) {
  const { t, i18n } = useTranslation("advocates");
  const day = (iso: string) =>
    new Intl.DateTimeFormat(intlLocale(i18n.language), {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "Europe/London",
    }).format(new Date(iso));
  const headingId = `person-${person.forMemberId}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>
        <bdi>{person.name}</bdi> ({t(`roles.${person.role}`, { defaultValue: person.role })})
      </h2>
      {person.advocates.length === 0 && person.invitations.length === 0 ? <p>{t("none")}</p> : null}
      <ul className="hw-list">
        {person.advocates.map((a) => (
          <li key={a.memberId} className="hw-card">
            <strong>
              <bdi>{a.name}</bdi>
            </strong>{" "}
            <bdi dir="ltr">{a.email}</bdi>
            {a.activeUntil ? <p>{t("until", { date: day(a.activeUntil) })}</p> : null}
            <p>{t("may")}</p>
            <ul>
              {a.permissions.map((p) => (
                <li key={p}>{t(`permissions.${p}`)}</li>
              ))}
            </ul>
            <Form method="post">
              <input type="hidden" name="memberId" value={a.memberId} />
              <input type="hidden" name="version" value={a.version} />
              <Button name="intent" value="end" variant="secondary">
                {t("end", { name: a.name })}
              </Button>
            </Form>
          </li>
        ))}
        {person.invitations.map((inv) => (
          <li key={inv.invitationId} className="hw-card">
            <p>
              {inv.expired
                ? t("expired", { email: inv.email })
                : t("waiting", { email: inv.email, date: day(inv.expiresAt) })}
            </p>
            <Form method="post">
              <input type="hidden" name="invitationId" value={inv.invitationId} />
              <input type="hidden" name="version" value={inv.version} />
              <Button name="intent" value="cancel" variant="secondary">
                {t("cancel", { email: inv.email })}
              </Button>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}
