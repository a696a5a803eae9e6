// better-auth, configured once for both apps. Each app gets its own instance (own cookie
// prefix, own base URL) over the same database, and each refuses the other kind of account.
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { twoFactor } from "better-auth/plugins";
import type { AccountKind, Database } from "@homeward/db";
import * as schema from "@homeward/db/schema";
import { eq } from "drizzle-orm";

export type AppName = "portal" | "practitioner";

/** Which kind of account each app accepts: a family member never signs in as staff. */
export const accountKindForApp: Record<AppName, AccountKind> = {
  portal: "family",
  practitioner: "practitioner",
};

/** Session lifetimes, documented in docs/decisions/005-sessions.md. */
export const sessionPolicy = {
  /** Signed out after this long without a request. */
  idleTimeoutSeconds: 30 * 60,
  /** Signed out this long after signing in, however active. */
  absoluteLifetimeSeconds: 12 * 60 * 60,
  /** How often an active session's idle deadline is pushed forward. */
  refreshEverySeconds: 5 * 60,
} as const;

export interface CreateAuthOptions {
  app: AppName;
  db: Database;
  /** At least 32 random characters; never a default. */
  secret: string;
  /** The app's public origin, e.g. http://localhost:3000 */
  baseURL: string;
  /** Send a one-time sign-in code to a family member (through the mail module). */
  sendSignInCode: (
    to: { email: string; name: string; language: string | null; discreet: boolean },
    code: string,
  ) => Promise<void>;
  /** Send a password reset link. */
  sendPasswordReset: (
    to: { email: string; name: string; language: string | null; discreet: boolean },
    url: string,
  ) => Promise<void>;
  /** Secure cookies; on in production, off only for plain-http local testing. */
  secureCookies: boolean;
  /** Sign-in attempts allowed per minute per address. @default 5 */
  signInAttemptsPerMinute?: number;
}

export function createAuth(options: CreateAuthOptions) {
  const kind = accountKindForApp[options.app];

  async function kindOfUser(where: { email?: string; id?: string }): Promise<AccountKind | null> {
    const condition = where.email
      ? eq(schema.user.email, where.email.toLowerCase())
      : eq(schema.user.id, where.id ?? "");
    const [row] = await options.db
      .select({ kind: schema.user.kind })
      .from(schema.user)
      .where(condition)
      .limit(1);
    return row?.kind ?? null;
  }

  return betterAuth({
    appName: "Homeward",
    baseURL: options.baseURL,
    basePath: "/api/auth",
    secret: options.secret,
    trustedOrigins: [options.baseURL],
    database: drizzleAdapter(options.db, {
      provider: "pg",
      schema: {
        user: schema.user,
        session: schema.session,
        account: schema.account,
        verification: schema.verification,
        twoFactor: schema.twoFactor,
        rateLimit: schema.rateLimit,
      },
    }),
    user: {
      additionalFields: {
        kind: { type: "string", required: true, input: false },
        preferredLanguage: { type: "string", required: false },
        easyRead: { type: "boolean", required: false, defaultValue: false },
        lowData: { type: "boolean", required: false, defaultValue: false },
        // Read when sending sign-in codes and reset links: discreet mode hides the name.
        discreetNotifications: {
          type: "boolean",
          required: false,
          defaultValue: false,
          input: false,
        },
      },
    },
    emailAndPassword: {
      enabled: true,
      // Accounts are made by the authority, never by self sign-up.
      disableSignUp: true,
      minPasswordLength: 10,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      sendResetPassword: async ({ user, token }) => {
        // Only this app's kind of account gets a link from this app; the answer to the
        // request is the same either way, so it reveals nothing.
        const extra = user as typeof user & {
          kind?: AccountKind;
          preferredLanguage?: string | null;
          discreetNotifications?: boolean | null;
        };
        if (extra.kind !== kind) return;
        await options.sendPasswordReset(
          {
            email: user.email,
            name: user.name,
            language: extra.preferredLanguage ?? null,
            discreet: Boolean(extra.discreetNotifications),
          },
          `${options.baseURL}/reset-password?token=${encodeURIComponent(token)}`,
        );
      },
    },
    session: {
      expiresIn: sessionPolicy.idleTimeoutSeconds,
      updateAge: sessionPolicy.refreshEverySeconds,
      // Always read the session from the database so a revoked session ends at once.
      cookieCache: { enabled: false },
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 60,
      customRules: {
        "/sign-in/email": { window: 60, max: options.signInAttemptsPerMinute ?? 5 },
        "/two-factor/*": {
          window: 60,
          max: Math.max(10, 2 * (options.signInAttemptsPerMinute ?? 5)),
        },
        "/request-password-reset": { window: 60, max: 3 },
      },
    },
    advanced: {
      cookiePrefix: `homeward-${options.app}`,
      useSecureCookies: options.secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", path: "/" },
      ipAddress: { ipAddressHeaders: ["x-homeward-client-ip"] },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        // Refuse the wrong kind of account with the same answer as a wrong password,
        // so the practitioner app does not reveal who has a family account.
        if (ctx.path === "/sign-in/email") {
          const email = String((ctx.body as { email?: unknown })?.email ?? "");
          const found = await kindOfUser({ email });
          if (found && found !== kind) {
            throw new APIError("UNAUTHORIZED", {
              message: "Invalid email or password",
              code: "INVALID_EMAIL_OR_PASSWORD",
            });
          }
        }
      }),
    },
    databaseHooks: {
      session: {
        create: {
          // The backstop: no session is ever created for the wrong kind of account.
          before: async (session) => {
            const found = await kindOfUser({ id: session.userId });
            if (found !== kind) return false;
          },
        },
      },
    },
    plugins: [
      twoFactor({
        issuer: "Homeward",
        otpOptions: {
          period: 10,
          sendOTP: async ({ user, otp }) => {
            await options.sendSignInCode(
              {
                email: user.email,
                name: user.name,
                language: (user as { preferredLanguage?: string | null }).preferredLanguage ?? null,
                discreet: Boolean(
                  (user as { discreetNotifications?: boolean | null }).discreetNotifications,
                ),
              },
              otp,
            );
          },
        },
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
