// Builds the service context for a signed-in practitioner, and maps service refusals to
// HTTP answers the shared error boundary shows (translated).
import { requireViewer, services } from "@homeward/runtime";
import { AccessDenied, NotFound, type ServiceContext } from "@homeward/services";
import { data, type RouterContextProvider } from "react-router";

export async function staffContext(context: Readonly<RouterContextProvider>, request: Request) {
  const viewer = await requireViewer(context, request);
  const ctx: ServiceContext = {
    db: services(context).db,
    userId: viewer.userId,
    kind: viewer.kind,
    app: "practitioner",
    now: services(context).clock(),
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
