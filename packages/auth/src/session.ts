// Who is asking: the signed-in person behind a request, with the session limits enforced.
import type { AccountKind } from "@homeward/db";
import { type Auth, sessionPolicy } from "./create-auth.ts";

export interface Viewer {
  userId: string;
  sessionId: string;
  name: string;
  email: string;
  kind: AccountKind;
  preferredLanguage: string | null;
  easyRead: boolean;
  lowData: boolean;
}

/**
 * The viewer for a request, or null. A session older than the absolute lifetime is revoked
 * here; better-auth itself ends sessions idle for longer than the idle timeout.
 */
export async function getViewer(
  auth: Auth,
  request: Request,
  now = new Date(),
): Promise<Viewer | null> {
  const found = await auth.api.getSession({ headers: request.headers });
  if (!found) return null;
  const { session, user } = found;
  const ageSeconds = (now.getTime() - new Date(session.createdAt).getTime()) / 1000;
  if (ageSeconds > sessionPolicy.absoluteLifetimeSeconds) {
    await auth.api
      .revokeSession({ headers: request.headers, body: { token: session.token } })
      .catch(() => {});
    return null;
  }
  const extra = user as typeof user & {
    kind: AccountKind;
    preferredLanguage?: string | null;
    easyRead?: boolean | null;
    lowData?: boolean | null;
  };
  return {
    userId: user.id,
    sessionId: session.id,
    name: user.name,
    email: user.email,
    kind: extra.kind,
    preferredLanguage: extra.preferredLanguage ?? null,
    easyRead: Boolean(extra.easyRead),
    lowData: Boolean(extra.lowData),
  };
}

/**
 * Calls one of better-auth's own HTTP endpoints on behalf of a form post, so that its rate
 * limits, origin checks and cookie handling apply exactly as for a browser request.
 */
export async function callAuthEndpoint(
  auth: Auth,
  options: {
    baseURL: string;
    path: string;
    body: unknown;
    request: Request;
    clientAddress: string;
  },
): Promise<Response> {
  const headers = new Headers({
    "content-type": "application/json",
    origin: options.baseURL,
    "x-homeward-client-ip": options.clientAddress,
  });
  const cookie = options.request.headers.get("cookie");
  if (cookie) headers.set("cookie", cookie);
  const userAgent = options.request.headers.get("user-agent");
  if (userAgent) headers.set("user-agent", userAgent);
  return auth.handler(
    new Request(`${options.baseURL}/api/auth${options.path}`, {
      method: "POST",
      headers,
      body: JSON.stringify(options.body),
    }),
  );
}

/** Set-Cookie headers of an auth response, to pass on with a redirect. */
export function cookiesFrom(response: Response): Headers {
  const headers = new Headers();
  for (const cookie of response.headers.getSetCookie()) headers.append("set-cookie", cookie);
  return headers;
}
