// Changing a password goes through better-auth's own /change-password endpoint (as sign-in
// does, packages/runtime/src/sign-in.ts), so its hashing, rate limits and session handling
// apply. Every other session ends; better-auth starts a fresh one for this device, whose
// cookie the caller passes on with its redirect.
import { callAuthEndpoint, cookiesFrom } from "@homeward/auth";
import { requestFacts, services } from "@homeward/runtime";
import type { RouterContextProvider } from "react-router";

export type PasswordChangeOutcome =
  | { ok: true; headers: Headers }
  | {
      ok: false;
      /** The field the problem belongs to; none for a problem with the whole form. */
      field: "currentPassword" | "newPassword" | null;
      /** An i18n key. */
      error: string;
    };

// better-auth's error codes (BASE_ERROR_CODES) mapped to what the person can do about them.
const byCode: Record<string, { field: "currentPassword" | "newPassword"; error: string }> = {
  INVALID_PASSWORD: { field: "currentPassword", error: "account:errors.currentPasswordWrong" },
  PASSWORD_TOO_SHORT: { field: "newPassword", error: "account:errors.newPasswordTooShort" },
  PASSWORD_TOO_LONG: { field: "newPassword", error: "account:errors.newPasswordTooLong" },
};

export async function changePassword(
  context: Readonly<RouterContextProvider>,
  request: Request,
  input: { currentPassword: string; newPassword: string },
): Promise<PasswordChangeOutcome> {
  const svc = services(context);
  const response = await callAuthEndpoint(svc.auth, {
    baseURL: svc.origin,
    path: "/change-password",
    body: { ...input, revokeOtherSessions: true },
    request,
    clientAddress: requestFacts(context).clientAddress,
  });
  if (response.ok) return { ok: true, headers: cookiesFrom(response) };
  if (response.status === 429) {
    return { ok: false, field: null, error: "auth:errors.tooManyAttempts" };
  }
  const body = (await response.json().catch(() => ({}))) as { code?: string };
  const known = body.code ? byCode[body.code] : undefined;
  return known
    ? { ok: false, ...known }
    : { ok: false, field: null, error: "account:errors.passwordNotChanged" };
}
