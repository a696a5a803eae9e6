// "My agreement" (issue 5, item 3): each agreement the person is a party to, its goals and
// progress, the support promised; forms to add progress, flag support that has not
// happened, and confirm the agreement has been read. Every form posts to this route's
// action and works without JavaScript.
import { Glossed, useTranslation } from "@homeward/i18n/react";
import {
  assertSameOrigin,
  keptValues,
  parseForm,
  requireViewer,
  services,
  requestMemo,
} from "@homeward/runtime";
import {
  acknowledgeAgreement,
  acknowledgeAgreementSchema,
  addGoalProgress,
  agreementsForMe,
  flagSupportNotDelivered,
  flagSupportSchema,
  goalProgressSchema,
} from "@homeward/services/agreements";
import { AccessDenied, NotFound, StaleWrite } from "@homeward/services/context";
import { londonDate } from "@homeward/services/family-cases";
import type { AgreementView, SupportView } from "@homeward/services/agreements";
import { ErrorSummary, PageTitle } from "@homeward/ui";
import {
  data,
  Link,
  redirect,
  type RouterContextProvider,
  type ShouldRevalidateFunctionArgs,
  useLocation,
} from "react-router";
import { translateErrors } from "../../lib/errors.ts";
import { EasyAgreement } from "../../easy-read/easy-agreement.tsx";
import { ReadModeSwitch } from "../../easy-read/read-mode-switch.tsx";
import { readModeFor } from "../../lib/read-mode.server.ts";
import type { Route } from "./+types/index";
import { AcknowledgeForm, FlagForm, helperLimitKey, ProgressForm } from "./agreement-forms.tsx";
import { AgreementDocument } from "./agreement-view.tsx";
import stylesHref from "./agreement.css?url";
import { type Failure, type Saved, savedKinds, summaryErrorsOf } from "./form-state.ts";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];

type Viewer = Awaited<ReturnType<typeof requireViewer>>;

function serviceContext(
  viewer: Viewer,
  context: Readonly<RouterContextProvider>,
  request: Request,
) {
  return {
    db: services(context).db,
    userId: viewer.userId,
    kind: viewer.kind,
    app: "portal" as const,
    now: services(context).clock(),
    memo: requestMemo(context, request),
  };
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = await requireViewer(context, request);
  // Easy read or standard (issue 8); first, so the switch's redirect audits no read twice.
  const readMode = await readModeFor(serviceContext(viewer, context, request), request);
  const agreements = await agreementsForMe(serviceContext(viewer, context, request));
  const saved = new URL(request.url).searchParams.get("saved");
  return {
    agreements,
    readMode,
    // "Today" in England, for the easy-read page's "coming up" goals (as on the home page).
    today: londonDate(services(context).clock()),
    saved: savedKinds.find((kind) => kind === saved) ?? null,
  };
}

const failed = (failure: Failure, status: number) => data(failure, { status });

export async function action({ request, context }: Route.ActionArgs) {
  assertSameOrigin(context, request);
  const viewer = await requireViewer(context, request);
  const form = await request.formData();
  const values = keptValues(form);
  const ctx = serviceContext(viewer, context, request);
  const intent = form.get("intent");
  try {
    switch (intent) {
      case "progress": {
        const target = String(form.get("goalId") ?? "");
        const parsed = parseForm(goalProgressSchema, form);
        if (!parsed.ok) return failed({ intent, target, errors: parsed.errors, values }, 400);
        await addGoalProgress(ctx, target, parsed.data);
        return redirect(`/agreement?saved=progress#goal-${target}`);
      }
      case "flag": {
        const target = String(form.get("supportId") ?? "");
        const parsed = parseForm(flagSupportSchema, form);
        if (!parsed.ok) return failed({ intent, target, errors: parsed.errors, values }, 400);
        try {
          await flagSupportNotDelivered(ctx, target, parsed.data);
        } catch (error) {
          if (error instanceof StaleWrite)
            return failed(
              { intent, target, formError: "agreement:errors.staleSupport", values },
              409,
            );
          throw error;
        }
        return redirect(`/agreement?saved=flag#support-${target}`);
      }
      case "acknowledge": {
        const target = String(form.get("agreementId") ?? "");
        const parsed = parseForm(acknowledgeAgreementSchema, form);
        if (!parsed.ok) return failed({ intent, target, errors: parsed.errors }, 400);
        try {
          await acknowledgeAgreement(ctx, target, parsed.data);
        } catch (error) {
          if (error instanceof StaleWrite)
            return failed({ intent, target, formError: "agreement:errors.staleAgreement" }, 409);
          throw error;
        }
        return redirect(`/agreement?saved=acknowledged#acknowledge-${target}`);
      }
      default:
        return failed({ intent: null, target: "", formError: "agreement:errors.intent" }, 400);
    }
  } catch (error) {
    if (error instanceof AccessDenied) throw data(null, { status: 403 });
    if (error instanceof NotFound) throw data(null, { status: 404 });
    throw error;
  }
}

/** A stale write is answered with the latest agreement beside the person's kept words. */
export function shouldRevalidate({
  actionStatus,
  defaultShouldRevalidate,
}: ShouldRevalidateFunctionArgs) {
  return actionStatus === 409 ? true : defaultShouldRevalidate;
}

export default function AgreementPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("agreement");
  const { agreements, saved } = loaderData;
  // A new key after each successful save clears the forms; a failed one keeps what was typed.
  const { key: formsKey } = useLocation();
  const failure = actionData as Failure | undefined;
  const fieldErrors = translateErrors(t, failure?.errors);
  // The summary links to the failed form's own fields: several forms share field names.
  const summaryErrors = summaryErrorsOf(fieldErrors, failure);
  if (loaderData.readMode === "easy") {
    // Easy read (issue 8): the whole page rewritten, with the same forms posting here.
    return (
      <>
        <PageTitle page={t("title")} app={t("common:portal.name")} />
        <ReadModeSwitch mode="easy" />
        <EasyAgreement
          agreements={agreements}
          saved={saved}
          failure={failure}
          today={loaderData.today}
        />
      </>
    );
  }
  return (
    <>
      <PageTitle page={t("title")} app={t("common:portal.name")} />
      <ReadModeSwitch mode={loaderData.readMode} />
      <h1>{t("title")}</h1>
      {saved ? <SavedNotice saved={saved} /> : null}
      <ErrorSummary
        title={t("errors.summaryTitle")}
        errors={summaryErrors}
        formError={failure?.formError ? t(failure.formError) : undefined}
      />
      {agreements.length === 0 ? (
        <p>
          <Glossed text={t("none")} />
        </p>
      ) : (
        <>
          <p>
            <Glossed text={t("intro")} />
          </p>
          <p>
            <Link to="/agreement/print">{t("printLink")}</Link>
          </p>
        </>
      )}
      {agreements.map((agreement) => (
        <div key={`${agreement.agreementId}-${formsKey}`}>
          <HelperNotice agreement={agreement} />
          <AgreementDocument
            agreement={agreement}
            slots={{
              goal: (goal) =>
                agreement.canAddProgress ? (
                  <ProgressForm
                    ns="agreement"
                    agreement={agreement}
                    goal={goal}
                    failure={
                      failure?.intent === "progress" && failure.target === goal.goalId
                        ? failure
                        : undefined
                    }
                    errors={fieldErrors}
                  />
                ) : null,
              support: (support) =>
                agreement.canRespond ? (
                  <FlagForms
                    support={support}
                    failure={failure?.intent === "flag" ? failure : undefined}
                    errors={fieldErrors}
                  />
                ) : null,
              acknowledge: agreement.canRespond ? (
                <AcknowledgeForm
                  ns="agreement"
                  agreement={agreement}
                  glossed
                  failure={
                    failure?.intent === "acknowledge" && failure.target === agreement.agreementId
                      ? failure
                      : undefined
                  }
                />
              ) : null,
            }}
          />
        </div>
      ))}
    </>
  );
}

function SavedNotice({ saved }: { saved: Saved }) {
  const { t } = useTranslation("agreement");
  const text =
    saved === "progress"
      ? t("saved.progress")
      : saved === "flag"
        ? t("saved.flag")
        : t("saved.acknowledged");
  return (
    <p className="hw-notice" role="status">
      {text}
    </p>
  );
}

/** Advocates and interpreters read the person's agreement; say whose, and what they may do. */
function HelperNotice({ agreement }: { agreement: AgreementView }) {
  const { t } = useTranslation("agreement");
  const name = agreement.personName;
  if (!agreement.helperRole || !name) return null;
  const limitKey = helperLimitKey(agreement);
  const limit = limitKey ? t(limitKey, { name }) : null;
  return (
    <div className="hw-notice">
      <p>
        <Glossed text={t("helperIntro", { name })} />
      </p>
      {limit ? <p>{limit}</p> : null}
    </div>
  );
}

function FlagForms({
  support,
  failure,
  errors,
}: {
  support: readonly SupportView[];
  failure: Failure | undefined;
  errors: Record<string, string> | undefined;
}) {
  const { t } = useTranslation("agreement");
  const open = support.filter((s) => s.flag === null || failure?.target === s.supportId);
  if (open.length === 0) return null;
  return (
    <>
      <p>
        <strong>
          <Glossed text={t("support.flagOpen")} />
        </strong>
      </p>
      {open.map((s) => {
        const mine = failure?.target === s.supportId ? failure : undefined;
        return (
          <FlagForm
            key={s.supportId}
            ns="agreement"
            support={s}
            failure={mine}
            errors={errors}
            glossed
          />
        );
      })}
    </>
  );
}
