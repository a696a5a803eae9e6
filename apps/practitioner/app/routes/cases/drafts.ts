// POST /cases/:caseId/drafts: where long texts autosave while a form is being written (see
// packages/services/src/form-drafts.ts). Answers the AutosaveTextArea's fetcher; a refusal or
// bad input answers "not saved", and the browser keeps its own copy.
import { assertSameOrigin } from "@homeward/runtime";
import { AccessDenied, NotFound } from "@homeward/services";
import { draftSaveSchema, saveFormDraft } from "@homeward/services/form-drafts";
import { data } from "react-router";
import { staffContext } from "../../lib/service-context.server.ts";
import type { Route } from "./+types/drafts";

export async function action({ request, context, params }: Route.ActionArgs) {
  assertSameOrigin(context, request);
  const { ctx } = await staffContext(context, request);
  const parsed = draftSaveSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ autosaved: false, savedAt: null }, { status: 400 });
  try {
    const { savedAt } = await saveFormDraft(ctx, params.caseId, parsed.data);
    return { autosaved: true, savedAt };
  } catch (error) {
    if (error instanceof AccessDenied || error instanceof NotFound)
      return data({ autosaved: false, savedAt: null }, { status: 403 });
    throw error;
  }
}

export function loader() {
  throw data(null, { status: 405, headers: { allow: "POST" } });
}
