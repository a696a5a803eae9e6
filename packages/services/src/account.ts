// A family member's own account (issue 5, "Account"): language, easy read and low-data
// preferences, where they are signed in, and signing out everywhere else. This is the
// person's own user row, not case data, so no case policy applies; every change is still
// written to the audit trail in the same transaction. Passwords are changed through
// better-auth's own endpoint by the route (it owns the hashing and the sessions).
import { recordAudit, session, user } from "@homeward/db";
import { and, desc, eq, gt, ne } from "drizzle-orm";
import { z } from "zod";
import { NotFound, type ServiceContext } from "./context.ts";

export interface DeviceDescription {
  /** Product names, shown as they are in every language; null when not recognised. */
  browser: string | null;
  system: string | null;
}

export interface SessionView {
  id: string;
  device: DeviceDescription;
  signedInAt: string;
  lastActiveAt: string;
  /** The session this page was asked for from. */
  current: boolean;
}

export interface AccountView {
  name: string;
  email: string;
  preferredLanguage: string | null;
  easyRead: boolean;
  notifyByEmail: boolean;
  discreetNotifications: boolean;
  lowData: boolean;
  /** Where the person is signed in now: this device first, then the most recently used. */
  sessions: SessionView[];
}

// Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
const browsers: readonly [string, string][] = [
  ["Edg/", "Edge"],
  ["OPR/", "Opera"],
  ["SamsungBrowser/", "Samsung Internet"],
  ["Firefox/", "Firefox"],
  ["FxiOS/", "Firefox"],
  ["CriOS/", "Chrome"],
  ["Chrome/", "Chrome"],
  ["Safari/", "Safari"],
];
const systems: readonly [string, string][] = [
  ["iPhone", "iPhone"],
  ["iPad", "iPad"],
  ["Android", "Android"],
  ["CrOS", "ChromeOS"],
  ["Windows", "Windows"],
  ["Mac OS X", "Mac"],
  ["Macintosh", "Mac"],
  ["Linux", "Linux"],
];

/** "Chrome on Android" from a user agent, in parts the page can translate around. */
export function describeDevice(userAgent: string | null): DeviceDescription {
  const ua = userAgent ?? "";
  return {
    browser: browsers.find(([marker]) => ua.includes(marker))?.[1] ?? null,
    system: systems.find(([marker]) => ua.includes(marker))?.[1] ?? null,
  };
}

export async function accountFor(
  ctx: ServiceContext,
  currentSessionId: string,
): Promise<AccountView> {
  const [row] = await ctx.db
    .select({
      name: user.name,
      email: user.email,
      preferredLanguage: user.preferredLanguage,
      easyRead: user.easyRead,
      notifyByEmail: user.notifyByEmail,
      discreetNotifications: user.discreetNotifications,
      lowData: user.lowData,
    })
    .from(user)
    .where(eq(user.id, ctx.userId));
  if (!row) throw new NotFound(`user ${ctx.userId}`);
  const sessions = await ctx.db
    .select({
      id: session.id,
      userAgent: session.userAgent,
      createdAt: session.createdAt,
      updatedAt: session.updatedAt,
    })
    .from(session)
    .where(and(eq(session.userId, ctx.userId), gt(session.expiresAt, ctx.now)))
    .orderBy(desc(session.updatedAt));
  const views = sessions.map((s) => ({
    id: s.id,
    device: describeDevice(s.userAgent),
    signedInAt: s.createdAt.toISOString(),
    lastActiveAt: s.updatedAt.toISOString(),
    current: s.id === currentSessionId,
  }));
  return {
    ...row,
    sessions: [...views.filter((s) => s.current), ...views.filter((s) => !s.current)],
  };
}

const onOff = (error: string) =>
  z.enum(["on", "off"], { error }).transform((value) => value === "on");

/**
 * The preferences form. The languages are passed in (from @homeward/i18n's `languageCodes`)
 * so that the list of shipped languages lives in one place.
 */
export function preferencesSchema(languageCodes: readonly string[]) {
  return z.object({
    preferredLanguage: z
      .string({ error: "account:errors.language" })
      .refine((code) => languageCodes.includes(code), { error: "account:errors.language" }),
    easyRead: onOff("account:errors.easyRead"),
    lowData: onOff("account:errors.lowData"),
    notifyByEmail: onOff("account:errors.notifyByEmail"),
    discreetNotifications: onOff("account:errors.discreetNotifications"),
  });
}
export type PreferencesInput = z.infer<ReturnType<typeof preferencesSchema>>;

export async function updatePreferences(
  ctx: ServiceContext,
  input: PreferencesInput,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(user)
      .set({
        preferredLanguage: input.preferredLanguage,
        easyRead: input.easyRead,
        // Saving the form is the person's own choice: it now stands over a recorded need.
        easyReadChosenAt: ctx.now,
        lowData: input.lowData,
        notifyByEmail: input.notifyByEmail,
        discreetNotifications: input.discreetNotifications,
        updatedAt: ctx.now,
      })
      .where(eq(user.id, ctx.userId))
      .returning({ id: user.id });
    if (updated.length === 0) throw new NotFound(`user ${ctx.userId}`);
    await recordAudit(tx, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action: "update_preferences",
      resourceType: "account",
      resourceId: ctx.userId,
      outcome: "allowed",
      detail: { ...input },
    });
  });
}

/** Ends every other session of the signed-in person; this one stays. Returns how many. */
export async function signOutOtherSessions(
  ctx: ServiceContext,
  currentSessionId: string,
): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const ended = await tx
      .delete(session)
      .where(and(eq(session.userId, ctx.userId), ne(session.id, currentSessionId)))
      .returning({ id: session.id });
    await recordAudit(tx, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action: "sign_out_other_sessions",
      resourceType: "account",
      resourceId: ctx.userId,
      outcome: "allowed",
      detail: { ended: ended.length },
    });
    return ended.length;
  });
}

/** Better-auth's limits for a password (create-auth.ts: minPasswordLength; its default max). */
export const passwordLength = { min: 10, max: 128 } as const;

export const passwordChangeSchema = z
  .object({
    currentPassword: z
      .string({ error: "account:errors.currentPasswordRequired" })
      .min(1, { error: "account:errors.currentPasswordRequired" }),
    newPassword: z
      .string({ error: "account:errors.newPasswordTooShort" })
      .min(passwordLength.min, { error: "account:errors.newPasswordTooShort" })
      .max(passwordLength.max, { error: "account:errors.newPasswordTooLong" }),
    confirmPassword: z.string().optional().default(""),
  })
  .superRefine((value, issue) => {
    if (value.newPassword !== value.confirmPassword) {
      issue.addIssue({
        code: "custom",
        path: ["confirmPassword"],
        message: "account:errors.passwordsDiffer",
      });
    }
  });
export type PasswordChangeInput = z.infer<typeof passwordChangeSchema>;

/** The password change itself happens in better-auth; this records that it was tried. */
export async function auditPasswordChange(
  ctx: ServiceContext,
  outcome: "allowed" | "failed",
  reason?: string,
): Promise<void> {
  await recordAudit(ctx.db, {
    actorUserId: ctx.userId,
    app: ctx.app,
    action: "change_password",
    resourceType: "account",
    resourceId: ctx.userId,
    outcome,
    detail: reason ? { reason } : null,
  });
}
