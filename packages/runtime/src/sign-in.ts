// The sign-in steps both apps share. Each goes through better-auth's own HTTP endpoints
// (callAuthEndpoint), so its rate limits and cookies apply exactly as for a browser.
import { callAuthEndpoint } from "@homeward/auth";
import type { RouterContextProvider } from "react-router";
import { requestFacts, services } from "./requests.ts";

export type SignInOutcome =
  | { ok: true; headers: Headers }
  | {
      ok: false;
      error:
        | "auth:errors.invalidCredentials"
        | "auth:errors.tooManyAttempts"
        | "auth:errors.codeWrong";
    };

function failure(
  response: Response,
  otherwise: "auth:errors.invalidCredentials" | "auth:errors.codeWrong",
): SignInOutcome {
  return { ok: false, error: response.status === 429 ? "auth:errors.tooManyAttempts" : otherwise };
}

function setCookies(response: Response): string[] {
  return response.headers.getSetCookie();
}

function cookieHeader(existing: string | null, setCookieLines: string[]): string {
  const jar = new Map<string, string>();
  for (const part of (existing ?? "").split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name) jar.set(name, rest.join("="));
  }
  for (const line of setCookieLines) {
    const [pair = ""] = line.split(";");
    const [name, ...rest] = pair.split("=");
    if (name) jar.set(name.trim(), rest.join("="));
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

async function call(
  context: Readonly<RouterContextProvider>,
  request: Request,
  path: string,
  body: unknown,
) {
  const svc = services(context);
  return callAuthEndpoint(svc.auth, {
    baseURL: svc.origin,
    path,
    body,
    request,
    clientAddress: requestFacts(context).clientAddress,
  });
}

/**
 * Step one: email and password. Every Homeward account has a second factor, so success
 * means "ask for the code"; for family members the code is emailed now.
 */
export async function startSignIn(
  context: Readonly<RouterContextProvider>,
  request: Request,
  credentials: { email: string; password: string },
): Promise<SignInOutcome> {
  const response = await call(context, request, "/sign-in/email", {
    ...credentials,
    rememberMe: false,
  });
  if (!response.ok) return failure(response, "auth:errors.invalidCredentials");
  const result = (await response.json()) as { twoFactorRedirect?: boolean };
  const cookies = setCookies(response);
  if (!result.twoFactorRedirect) {
    // An account without a second factor is not allowed in: undo the session just made.
    const withSession = new Request(request, {
      headers: { cookie: cookieHeader(request.headers.get("cookie"), cookies) },
    });
    await call(context, withSession, "/sign-out", {});
    return { ok: false, error: "auth:errors.invalidCredentials" };
  }
  if (services(context).app === "portal") {
    const withPending = new Request(request.url, {
      headers: {
        cookie: cookieHeader(request.headers.get("cookie"), cookies),
        "user-agent": request.headers.get("user-agent") ?? "",
      },
    });
    const sent = await call(context, withPending, "/two-factor/send-otp", {});
    if (!sent.ok) return failure(sent, "auth:errors.invalidCredentials");
  }
  const headers = new Headers();
  for (const line of cookies) headers.append("set-cookie", line);
  return { ok: true, headers };
}

/** Step two: the emailed code (portal) or the authenticator app's code (practitioners). */
export async function finishSignIn(
  context: Readonly<RouterContextProvider>,
  request: Request,
  code: string,
): Promise<SignInOutcome> {
  const path =
    services(context).app === "portal" ? "/two-factor/verify-otp" : "/two-factor/verify-totp";
  const response = await call(context, request, path, { code });
  if (!response.ok) return failure(response, "auth:errors.codeWrong");
  const headers = new Headers();
  for (const line of setCookies(response)) headers.append("set-cookie", line);
  return { ok: true, headers };
}

export async function signOut(
  context: Readonly<RouterContextProvider>,
  request: Request,
): Promise<Headers> {
  const response = await call(context, request, "/sign-out", {});
  const headers = new Headers();
  for (const line of setCookies(response)) headers.append("set-cookie", line);
  return headers;
}

/**
 * "Forgot your password?": asks better-auth to email a reset link. The answer is the same
 * whether or not the address has an account here, so it reveals nothing.
 */
export async function requestPasswordReset(
  context: Readonly<RouterContextProvider>,
  request: Request,
  email: string,
): Promise<"sent" | "auth:errors.tooManyAttempts"> {
  const response = await call(context, request, "/request-password-reset", { email });
  return response.status === 429 ? "auth:errors.tooManyAttempts" : "sent";
}

/** Sets a new password from the emailed link; every session of the account is revoked. */
export async function resetPassword(
  context: Readonly<RouterContextProvider>,
  request: Request,
  input: { token: string; newPassword: string },
): Promise<
  { ok: true } | { ok: false; error: "auth:reset.invalidLink" | "auth:errors.tooManyAttempts" }
> {
  const response = await call(context, request, "/reset-password", input);
  if (response.ok) return { ok: true };
  return {
    ok: false,
    error: response.status === 429 ? "auth:errors.tooManyAttempts" : "auth:reset.invalidLink",
  };
}
