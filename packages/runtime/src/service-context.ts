// The service context for the signed-in person of this request, and the one mapping of
// service refusals to HTTP answers that both apps' error boundaries show (translated).
import { AccessDenied, NotFound, type ServiceContext } from "@homeward/services";
import { data, type RouterContextProvider } from "react-router";
import { requestMemo, requireViewer, services } from "./requests.ts";

export async function serviceContext(context: Readonly<RouterContextProvider>, request: Request) {
  const viewer = await requireViewer(context, request);
  const svc = services(context);
  const ctx: ServiceContext = {
    db: svc.db,
    userId: viewer.userId,
    kind: viewer.kind,
    app: svc.app,
    now: svc.clock(),
    memo: requestMemo(context, request),
  };
  return { viewer, ctx };
}

/** Runs a service call; a refusal becomes 403, something missing 404. */
export async function orRefuse<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AccessDenied) throw data(null, { status: 403 });
    if (error instanceof NotFound) throw data(null, { status: 404 });
    throw error;
  }
}
