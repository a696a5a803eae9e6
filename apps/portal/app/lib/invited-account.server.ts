// Making a family account for someone invited by email - an advocate or an interpreter - who
// has none. The invitation link came to their address, so it is treated as verified; they
// then sign in the usual way (password and an emailed code), which proves it again. The
// accept pages' action is here too: both kinds of link are said yes to the same way.
import { createAccount } from "@homeward/auth";
import {
  type AppServices,
  assertSameOrigin,
  keptValues,
  parseForm,
  requireViewer,
  services,
} from "@homeward/runtime";
import { AccessDenied, type ServiceContext } from "@homeward/services/context";
import {
  auditAccountFromInvitation,
  type InvitationProblem,
  invitedAccountSchema,
} from "@homeward/services/invitations";
import { data, type RouterContextProvider, redirect } from "react-router";
import { familyContext } from "./service-context.server.ts";

export async function createInvitedAccount(
  context: Readonly<RouterContextProvider>,
  input: { name: string; email: string; password: string; language: string },
): Promise<{ ok: true; userId: string } | { ok: false }> {
  try {
    const userId = await createAccount(services(context).auth, {
      name: input.name,
      email: input.email,
      password: input.password,
      kind: "family",
      preferredLanguage: input.language,
    });
    return { ok: true, userId };
  } catch {
    // Most likely the address got an account a moment ago (two tabs): sign in instead.
    return { ok: false };
  }
}

/** Why a link does not work, as the accept action may hear it from the service. */
const problems: readonly InvitationProblem[] = [
  "INVITATION_UNKNOWN",
  "INVITATION_USED",
  "INVITATION_WITHDRAWN",
  "INVITATION_EXPIRED",
  "WRONG_ACCOUNT",
];

type WorkingLink = { ok: true; invitationId: string; email: string; hasAccount: boolean };

/** What differs between the advocates' and the interpreters' accept pages. */
export interface InvitationAcceptFlow<S extends WorkingLink> {
  /** The accept page's address (without the token). */
  path: string;
  /** The translation key of a problem, in the page's namespace. */
  problemKey: (problem: InvitationProblem) => string;
  state: (
    db: AppServices["db"],
    token: string,
    now: Date,
  ) => Promise<S | { ok: false; problem: InvitationProblem }>;
  accept: (ctx: ServiceContext, token: string) => Promise<unknown>;
  /** Where someone goes once they have said yes. */
  acceptedTo: string;
  /** The new account's language. */
  accountLanguage: (state: S, request: Request) => string;
}

/**
 * The accept pages' action: saying yes while signed in, or making an account for the address
 * the link was sent to. A refusal keeps what was typed (never the passwords).
 */
export async function invitationAcceptAction<S extends WorkingLink>(
  { request, context }: { request: Request; context: Readonly<RouterContextProvider> },
  flow: InvitationAcceptFlow<S>,
) {
  assertSameOrigin(context, request);
  const form = await request.formData();
  const token = String(form.get("token") ?? "");
  const values = keptValues(form, ["password", "confirmPassword"]);
  const intent = String(form.get("intent") ?? "");
  const back = `${flow.path}?token=${encodeURIComponent(token)}`;
  const refused = (formError: string, status: number) =>
    data({ errors: {} as Record<string, string>, formError, values }, { status });
  switch (intent) {
    case "accept": {
      await requireViewer(context, request);
      const { ctx } = await familyContext(context, request);
      try {
        await flow.accept(ctx, token);
      } catch (error) {
        if (error instanceof AccessDenied && problems.includes(error.reason as InvitationProblem))
          return refused(flow.problemKey(error.reason as InvitationProblem), 403);
        throw error;
      }
      throw redirect(flow.acceptedTo);
    }
    case "create_account": {
      const svc = services(context);
      const state = await flow.state(svc.db, token, svc.clock());
      if (!state.ok) return refused(flow.problemKey(state.problem), 403);
      if (state.hasAccount) return refused("advocacy:accept.errors.accountExists", 409);
      const parsed = parseForm(invitedAccountSchema, form);
      if (!parsed.ok)
        return data(
          { errors: parsed.errors, formError: undefined as string | undefined, values },
          { status: 400 },
        );
      const made = await createInvitedAccount(context, {
        name: parsed.data.name,
        email: state.email,
        password: parsed.data.password,
        language: flow.accountLanguage(state, request),
      });
      if (!made.ok) return refused("advocacy:accept.errors.accountExists", 409);
      await auditAccountFromInvitation(svc.db, {
        userId: made.userId,
        invitationId: state.invitationId,
      });
      throw redirect(`${back}&created=1`);
    }
    default:
      return refused("advocacy:errors.intent", 400);
  }
}
