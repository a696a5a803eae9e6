// The link in a new interpreter's invitation (issue 8). Like an advocate's: it works once, for
// a week (and no longer than the assignment's own period), only for an account with the
// address it was sent to. Someone without an account makes one here (a name and a password,
// in the language the social worker chose for them), then signs in as usual - password and
// an emailed code - and says yes; their assignment is then on their interpreting page.
import { Glossed, useTranslation } from "@homeward/i18n/react";
import { optionalViewer, services } from "@homeward/runtime";
import {
  acceptInterpreterInvitation,
  INTERPRETER_ACCEPT_PATH,
  interpreterInvitationState,
} from "@homeward/services/interpreter-invitations";
import type { InvitationProblem } from "@homeward/services/invitations";
import { InvitationAccept } from "../../components/invitation-accept.tsx";
import { invitationAcceptAction } from "../../lib/invited-account.server.ts";
import type { Route } from "./+types/accept";

const problemKey = (problem: InvitationProblem) => `interpretingMore:accept.problems.${problem}`;

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const token = url.searchParams.get("token") ?? "";
  const svc = services(context);
  const viewer = await optionalViewer(context, request);
  const state = await interpreterInvitationState(svc.db, token, svc.clock());
  return {
    token,
    here: `${INTERPRETER_ACCEPT_PATH}?token=${encodeURIComponent(token)}`,
    signedIn: Boolean(viewer),
    // The address is shown only to whoever holds a working link (it was sent there).
    state: state.ok
      ? { ok: true as const, email: state.email, hasAccount: state.hasAccount }
      : state,
    created: url.searchParams.get("created") === "1",
  };
}

export async function action(args: Route.ActionArgs) {
  return invitationAcceptAction(args, {
    path: INTERPRETER_ACCEPT_PATH,
    problemKey,
    state: interpreterInvitationState,
    accept: acceptInterpreterInvitation,
    acceptedTo: "/interpret?accepted=1",
    // The language the social worker chose for them, as the email was.
    accountLanguage: (state) => state.language,
  });
}

export default function AcceptInterpreting({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("interpretingMore");
  return (
    <InvitationAccept
      title={t("accept.title")}
      intro={
        <p>
          <Glossed text={t("accept.intro")} />
        </p>
      }
      submit={t("accept.submit")}
      problemText={(problem) => t(problemKey(problem))}
      createIntro={(email) => t("accept.create", { email })}
      page={loaderData}
      answer={actionData}
    />
  );
}
