import { languageCodes, languageCookieName, languages } from "@homeward/i18n";
import { Glossed, useTranslation } from "@homeward/i18n/react";
import { assertSameOrigin, keptValues, parseForm } from "@homeward/runtime";
import {
  accountFor,
  auditPasswordChange,
  passwordChangeSchema,
  preferencesSchema,
  type SessionView,
  signOutOtherSessions,
  updatePreferences,
} from "@homeward/services/account";
import { Button, ErrorSummary, FormErrors, PageTitle, RadioGroup, TextField } from "@homeward/ui";
import { data, Form, Link, redirect } from "react-router";
import { formatDateTime } from "../../lib/dates.ts";
import { translateErrors } from "../../lib/errors.ts";
import { familyContext, orRefuse } from "../../lib/service-context.server.ts";
import { accountReadMode } from "@homeward/rules";
import { readingPreference } from "@homeward/services/easy-read";
import { forgetVisitReadMode } from "../../lib/read-mode.server.ts";
import type { Route } from "./+types/index";
import { changePassword } from "./password.server.ts";

const savedNotices = ["preferences", "signedOut", "password"] as const;
type SavedNotice = (typeof savedNotices)[number];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { viewer, ctx } = await familyContext(context, request);
  const account = await orRefuse(accountFor(ctx, viewer.sessionId));
  // Easy read shows as on until the person chooses, when their case records the need (issue 8).
  const reading = await orRefuse(readingPreference(ctx));
  const saved = new URL(request.url).searchParams.get("saved");
  return {
    account,
    easyRead: accountReadMode(reading.account, reading.recordedNeed).mode === "easy",
    saved: savedNotices.includes(saved as SavedNotice) ? (saved as SavedNotice) : null,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  assertSameOrigin(context, request);
  const { viewer, ctx } = await familyContext(context, request);
  const form = await request.formData();
  // Passwords are never sent back to the page.
  const values = keptValues(form, ["currentPassword", "newPassword", "confirmPassword"]);
  const intent = String(form.get("intent") ?? "");
  const refused = (errors: Record<string, string>, formError?: string, status = 400) =>
    data({ which: intent, errors, formError, values }, { status });

  switch (intent) {
    case "preferences": {
      const parsed = parseForm(preferencesSchema(languageCodes), form);
      if (!parsed.ok) return refused(parsed.errors);
      await updatePreferences(ctx, parsed.data);
      // The cookie too, so the sign-in page is in this language after signing out.
      const secure = new URL(request.url).protocol === "https:" ? "; Secure" : "";
      const headers = new Headers();
      headers.append(
        "set-cookie",
        `${languageCookieName}=${parsed.data.preferredLanguage}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`,
      );
      // The saved easy-read choice shows at once, over a switch made earlier this visit.
      headers.append("set-cookie", forgetVisitReadMode(request));
      throw redirect("/account?saved=preferences", { headers });
    }
    case "sign_out_others": {
      await signOutOtherSessions(ctx, viewer.sessionId);
      throw redirect("/account?saved=signedOut");
    }
    case "change_password": {
      const parsed = parseForm(passwordChangeSchema, form);
      if (!parsed.ok) return refused(parsed.errors);
      const outcome = await changePassword(context, request, parsed.data);
      await auditPasswordChange(
        ctx,
        outcome.ok ? "allowed" : "failed",
        outcome.ok ? undefined : outcome.error,
      );
      if (!outcome.ok) {
        const status = outcome.error === "auth:errors.tooManyAttempts" ? 429 : 400;
        return outcome.field
          ? refused({ [outcome.field]: outcome.error }, undefined, status)
          : refused({}, outcome.error, status);
      }
      throw redirect("/account?saved=password", { headers: outcome.headers });
    }
    default:
      return refused({}, "account:errors.intent");
  }
}

export default function Account({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation("account");
  const { account, saved } = loaderData;
  const failed = (which: string) => (actionData?.which === which ? actionData : undefined);
  const prefs = failed("preferences");
  const password = failed("change_password");
  const prefsErrors = translateErrors(t, prefs?.errors);
  const passwordErrors = translateErrors(t, password?.errors);
  const others = account.sessions.filter((s) => !s.current).length;
  const onOff = (name: "easyRead" | "lowData" | "notifyByEmail" | "discreetNotifications") => [
    { value: "on", label: t(`preferences.${name}.on`) },
    { value: "off", label: t(`preferences.${name}.off`) },
  ];
  return (
    <>
      <PageTitle page={t("title")} app={t("common:portal.name")} />
      <h1>{t("title")}</h1>
      {saved ? (
        <p className="hw-notice" role="status">
          <Glossed text={t(`saved.${saved}`)} />
        </p>
      ) : null}
      {actionData && !prefs && !password ? (
        <ErrorSummary
          title={t("auth:errors.summaryTitle")}
          formError={t(actionData.formError ?? "account:errors.intent")}
        />
      ) : null}

      <section aria-labelledby="details-heading">
        <h2 id="details-heading">
          <Glossed text={t("details.heading")} />
        </h2>
        <dl>
          <dt>
            <strong>
              <Glossed text={t("details.name")} />
            </strong>
          </dt>
          <dd>
            <bdi>{account.name}</bdi>
          </dd>
          <dt>
            <strong>
              <Glossed text={t("details.email")} />
            </strong>
          </dt>
          <dd>
            <bdi dir="ltr">{account.email}</bdi>
          </dd>
        </dl>
        <p>
          <Glossed text={t("details.change")} />
        </p>
      </section>

      <section aria-labelledby="advocacy-heading">
        <h2 id="advocacy-heading">
          <Glossed text={t("advocacy:links.heading")} />
        </h2>
        <ul>
          <li>
            <Link to="/advocacy">{t("advocacy:links.myAdvocate")}</Link>
          </li>
          <li>
            <Link to="/advocacy/people">{t("advocacy:links.people")}</Link>
          </li>
        </ul>
      </section>

      <section aria-labelledby="preferences-heading">
        <h2 id="preferences-heading">
          <Glossed text={t("preferences.heading")} />
        </h2>
        <ErrorSummary
          title={t("auth:errors.summaryTitle")}
          errors={prefsErrors}
          formError={prefs?.formError ? t(prefs.formError) : undefined}
        />
        <Form method="post" noValidate aria-labelledby="preferences-heading">
          <FormErrors errors={prefsErrors}>
            <RadioGroup
              label={t("preferences.language.label")}
              description={t("preferences.language.hint")}
              name="preferredLanguage"
              defaultValue={
                prefs?.values.preferredLanguage ?? account.preferredLanguage ?? i18n.language
              }
              options={languages.map((l) => ({ value: l.code, label: l.name }))}
            />
            <RadioGroup
              label={t("preferences.easyRead.label")}
              description={t("preferences.easyRead.hint")}
              name="easyRead"
              defaultValue={prefs?.values.easyRead ?? (loaderData.easyRead ? "on" : "off")}
              options={onOff("easyRead")}
            />
            <RadioGroup
              label={t("preferences.lowData.label")}
              description={t("preferences.lowData.hint")}
              name="lowData"
              defaultValue={prefs?.values.lowData ?? (account.lowData ? "on" : "off")}
              options={onOff("lowData")}
            />
            <RadioGroup
              label={t("preferences.notifyByEmail.label")}
              description={t("preferences.notifyByEmail.hint")}
              name="notifyByEmail"
              defaultValue={prefs?.values.notifyByEmail ?? (account.notifyByEmail ? "on" : "off")}
              options={onOff("notifyByEmail")}
            />
            <RadioGroup
              label={t("preferences.discreetNotifications.label")}
              description={t("preferences.discreetNotifications.hint")}
              name="discreetNotifications"
              defaultValue={
                prefs?.values.discreetNotifications ??
                (account.discreetNotifications ? "on" : "off")
              }
              options={onOff("discreetNotifications")}
            />
            <Button name="intent" value="preferences">
              {t("preferences.save")}
            </Button>
          </FormErrors>
        </Form>
      </section>

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">
          <Glossed text={t("sessions.heading")} />
        </h2>
        <ul className="hw-list">
          {account.sessions.map((s) => (
            <SessionItem key={s.id} session={s} />
          ))}
        </ul>
        {others > 0 ? (
          <Form method="post" aria-labelledby="sessions-heading">
            <p>
              <Glossed text={t("sessions.signOutOthersHint")} />
            </p>
            <Button name="intent" value="sign_out_others" variant="secondary">
              {t("sessions.signOutOthers")}
            </Button>
          </Form>
        ) : (
          <p>
            <Glossed text={t("sessions.onlyHere")} />
          </p>
        )}
      </section>

      <section aria-labelledby="password-heading">
        <h2 id="password-heading">
          <Glossed text={t("password.heading")} />
        </h2>
        <p>
          <Glossed text={t("password.note")} />
        </p>
        <ErrorSummary
          title={t("auth:errors.summaryTitle")}
          errors={passwordErrors}
          formError={password?.formError ? t(password.formError) : undefined}
        />
        <Form method="post" noValidate aria-labelledby="password-heading">
          <FormErrors errors={passwordErrors}>
            <TextField
              label={t("password.current")}
              name="currentPassword"
              type="password"
              autoComplete="current-password"
              isRequired
            />
            <TextField
              label={t("password.new")}
              description={t("password.newHint")}
              name="newPassword"
              type="password"
              autoComplete="new-password"
              isRequired
            />
            <TextField
              label={t("password.confirm")}
              name="confirmPassword"
              type="password"
              autoComplete="new-password"
              isRequired
            />
            <Button name="intent" value="change_password">
              {t("password.submit")}
            </Button>
          </FormErrors>
        </Form>
      </section>
    </>
  );
}

function SessionItem({ session }: { session: SessionView }) {
  const { t, i18n } = useTranslation("account");
  const { browser, system } = session.device;
  const device =
    browser && system
      ? t("sessions.device.both", { browser, system })
      : browser
        ? t("sessions.device.browserOnly", { browser })
        : system
          ? t("sessions.device.systemOnly", { system })
          : t("sessions.device.unknown");
  return (
    <li className="hw-card">
      <strong>{device}</strong>
      {session.current ? <span className="hw-status"> – {t("sessions.thisDevice")}</span> : null}
      <div>
        <Glossed
          text={t("sessions.signedIn", { date: formatDateTime(session.signedInAt, i18n.language) })}
        />
      </div>
      <div>
        <Glossed
          text={t("sessions.lastActive", {
            date: formatDateTime(session.lastActiveAt, i18n.language),
          })}
        />
      </div>
    </li>
  );
}
