// My advocate (issue 8): a parent or young person invites someone to help them, choosing what
// they may see and do and until when, sees who helps them now, and stops it at any moment.
import { Glossed, useTranslation } from "@homeward/i18n/react";
import { assertSameOrigin, keptValues, languageFor, services } from "@homeward/runtime";
import {
  type AdvocateView,
  advocacyFormInput,
  type InvitationView,
  invitationSchema,
  inviteAdvocate,
  myAdvocacy,
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
  TextField,
} from "@homeward/ui";
import { data, Form, redirect } from "react-router";
import { translateErrors } from "../../lib/errors.ts";
import { familyContext, orRefuse } from "../../lib/service-context.server.ts";
import type { Route } from "./+types/index";
import { londonDay } from "./dates.ts";
import { PermissionList } from "./permissions.tsx";

const savedNotices = ["invited", "withdrawn", "cancelled"] as const;
type SavedNotice = (typeof savedNotices)[number];
const permissionOrder = ["read", "respond", "views"] as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  const { ctx } = await familyContext(context, request);
  const mine = await orRefuse(myAdvocacy(ctx));
  const saved = new URL(request.url).searchParams.get("saved");
  return {
    cases: mine.cases,
    saved: savedNotices.includes(saved as SavedNotice) ? (saved as SavedNotice) : null,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  assertSameOrigin(context, request);
  const { viewer, ctx } = await familyContext(context, request);
  const form = await request.formData();
  const values = keptValues(form);
  const permissions = form.getAll("permissions").map(String);
  const intent = String(form.get("intent") ?? "");
  const caseId = String(form.get("caseId") ?? "");
  const refused = (errors: Record<string, string>, formError?: string, status = 400) =>
    data({ intent, caseId, errors, formError, values, permissions }, { status });
  const svc = services(context);

  try {
    switch (intent) {
      case "invite": {
        const parsed = invitationSchema(londonDate(ctx.now)).safeParse(advocacyFormInput(form));
        if (!parsed.success) {
          const errors: Record<string, string> = {};
          for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
          return refused(errors);
        }
        await orRefuse(
          inviteAdvocate(
            ctx,
            { mailer: svc.mailer, portalOrigin: svc.origin },
            { ...parsed.data, language: languageFor(request, viewer) },
          ),
        );
        throw redirect("/advocacy?saved=invited");
      }
      case "withdraw_advocate": {
        await orRefuse(
          withdrawAdvocate(ctx, {
            advocateMemberId: String(form.get("memberId") ?? ""),
            version: Number(form.get("version") ?? 0),
          }),
        );
        throw redirect("/advocacy?saved=withdrawn");
      }
      case "withdraw_invitation": {
        await orRefuse(
          withdrawInvitation(ctx, {
            invitationId: String(form.get("invitationId") ?? ""),
            version: Number(form.get("version") ?? 0),
          }),
        );
        throw redirect("/advocacy?saved=cancelled");
      }
      default:
        return refused({}, "advocacy:errors.intent");
    }
  } catch (error) {
    if (error instanceof StaleWrite) return refused({}, "advocacy:errors.stale", 409);
    throw error;
  }
}

export default function MyAdvocate({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("advocacy");
  const { cases, saved } = loaderData;
  return (
    <>
      <PageTitle page={t("title")} app={t("common:portal.name")} />
      <h1>{t("title")}</h1>
      {saved ? (
        <p className="hw-notice" role="status">
          <Glossed text={t(`saved.${saved}`)} />
        </p>
      ) : null}
      {actionData && actionData.intent !== "invite" ? (
        <ErrorSummary
          title={t("auth:errors.summaryTitle")}
          formError={t(actionData.formError ?? "advocacy:errors.intent")}
        />
      ) : null}
      <p>
        <Glossed text={t("intro")} />
      </p>
      {cases.length === 0 ? (
        <p>
          <Glossed text={t("noCases")} />
        </p>
      ) : null}
      {cases.map((c) => {
        const failed =
          actionData?.intent === "invite" && actionData.caseId === c.caseId
            ? actionData
            : undefined;
        return (
          <section key={c.caseId} aria-labelledby={`advocacy-${c.caseId}`}>
            {cases.length > 1 ? (
              <h2 id={`advocacy-${c.caseId}`}>
                <Glossed text={t("caseFor", { child: c.childFirstName })} />
              </h2>
            ) : (
              <h2 id={`advocacy-${c.caseId}`}>
                <Glossed text={t("current.heading")} />
              </h2>
            )}
            <Current advocates={c.advocates} />
            {c.invitations.length > 0 ? <Invitations invitations={c.invitations} /> : null}
            <InviteForm caseId={c.caseId} failed={failed} />
          </section>
        );
      })}
    </>
  );
}

function Current({ advocates }: { advocates: AdvocateView[] }) {
  const { t, i18n } = useTranslation("advocacy");
  if (advocates.length === 0)
    return (
      <p>
        <Glossed text={t("current.none")} />
      </p>
    );
  return (
    <ul className="hw-list">
      {advocates.map((a) => (
        <li key={a.memberId} className="hw-card">
          <strong>
            <bdi>{a.name}</bdi>
          </strong>{" "}
          <bdi dir="ltr">{a.email}</bdi>
          {a.activeUntil ? (
            <p>
              <Glossed
                text={t("current.until", { date: londonDay(a.activeUntil, i18n.language) })}
              />
            </p>
          ) : null}
          <p>
            <Glossed text={t("current.may")} />
          </p>
          <PermissionList permissions={a.permissions} />
          <Form method="post">
            <input type="hidden" name="memberId" value={a.memberId} />
            <input type="hidden" name="version" value={a.version} />
            <p>
              <Glossed text={t("current.withdrawHint")} />
            </p>
            <Button name="intent" value="withdraw_advocate" variant="secondary">
              {t("current.withdraw", { name: a.name })}
            </Button>
          </Form>
        </li>
      ))}
    </ul>
  );
}

function Invitations({ invitations }: { invitations: InvitationView[] }) {
  const { t, i18n } = useTranslation("advocacy");
  return (
    <>
      <h3>
        <Glossed text={t("invitations.heading")} />
      </h3>
      <ul className="hw-list">
        {invitations.map((inv) => (
          <li key={inv.invitationId} className="hw-card">
            <p>
              <Glossed
                text={
                  inv.expired
                    ? t("invitations.expired", { email: inv.email })
                    : t("invitations.waiting", {
                        email: inv.email,
                        date: londonDay(inv.expiresAt, i18n.language),
                      })
                }
              />
            </p>
            <p>
              <Glossed
                text={t("current.until", { date: londonDay(inv.activeUntil, i18n.language) })}
              />
            </p>
            <PermissionList permissions={inv.permissions} />
            <Form method="post">
              <input type="hidden" name="invitationId" value={inv.invitationId} />
              <input type="hidden" name="version" value={inv.version} />
              <Button name="intent" value="withdraw_invitation" variant="secondary">
                {t("invitations.withdraw", { email: inv.email })}
              </Button>
            </Form>
          </li>
        ))}
      </ul>
    </>
  );
}

function InviteForm({
  caseId,
  failed,
}: {
  caseId: string;
  failed?: {
    errors: Record<string, string>;
    values: Record<string, string>;
    permissions: string[];
  };
}) {
  const { t } = useTranslation("advocacy");
  const errors = translateErrors(t, failed?.errors);
  const headingId = `invite-${caseId}`;
  return (
    <>
      <h3 id={headingId}>
        <Glossed text={t("invite.heading")} />
      </h3>
      <ErrorSummary title={t("auth:errors.summaryTitle")} errors={errors} />
      <Form method="post" noValidate aria-labelledby={headingId}>
        <input type="hidden" name="caseId" value={caseId} />
        <FormErrors errors={errors}>
          <TextField
            label={t("invite.email")}
            description={t("invite.emailHint")}
            name="email"
            type="email"
            autoComplete="off"
            isRequired
            defaultValue={failed?.values.email ?? ""}
          />
          <CheckboxGroup
            label={t("invite.permissions")}
            description={t("invite.permissionsHint")}
            name="permissions"
            defaultValue={failed?.permissions ?? ["read"]}
            options={permissionOrder.map((p) => ({
              value: p,
              label: t(`permissions.${p}`),
              description: t(`permissionHints.${p}`),
            }))}
          />
          <TextField
            label={t("invite.until")}
            description={t("invite.untilHint")}
            name="activeUntil"
            type="date"
            isRequired
            defaultValue={failed?.values.activeUntil ?? ""}
          />
          <Button name="intent" value="invite">
            {t("invite.submit")}
          </Button>
        </FormErrors>
      </Form>
    </>
  );
}
