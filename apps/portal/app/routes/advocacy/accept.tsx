// The link in an advocate's invitation (issue 8). It works once, for a week, and only for an
// account with the address it was sent to. Someone without an account makes one here (a
// name and a password), then signs in as usual and says yes.
import { useTranslation } from "@homeward/i18n/react";
import { languageFor, optionalViewer, services } from "@homeward/runtime";
import { acceptInvitation, invitationState } from "@homeward/services/advocacy";
import { InvitationAccept } from "../../components/invitation-accept.tsx";
import { invitationAcceptAction } from "../../lib/invited-account.server.ts";
import type { Route } from "./+types/accept";

const ACCEPT_PATH = "/advocacy/accept";

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const token = url.searchParams.get("token") ?? "";
  const svc = services(context);
  const viewer = await optionalViewer(context, request);
  const state = await invitationState(svc.db, token, svc.clock());
  return {
    token,
    here: `${ACCEPT_PATH}?token=${encodeURIComponent(token)}`,
    signedIn: Boolean(viewer),
    state,
    created: url.searchParams.get("created") === "1",
  };
}

export async function action(args: Route.ActionArgs) {
  return invitationAcceptAction(args, {
    path: ACCEPT_PATH,
    problemKey: (problem) => `advocacy:accept.problems.${problem}`,
    state: invitationState,
    accept: acceptInvitation,
    acceptedTo: "/advocacy/people?accepted=1",
    accountLanguage: (_state, request) => languageFor(request, null),
  });
}

export default function AcceptInvitation({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("advocacy");
  return (
    <InvitationAccept
      title={t("accept.title")}
      intro={<p>{t("accept.intro")}</p>}
      submit={t("accept.submit")}
      problemText={(problem) => t(`accept.problems.${problem}`)}
      createIntro={(email) => t("accept.create", { email })}
      page={loaderData}
      answer={actionData}
    />
  );
}
