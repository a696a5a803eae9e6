// Emails to family members when something needs them: an entry shared for review, a reply
// deadline close, a reply from their social worker, a meeting arranged. Every email is in
// the person's own language and carries no personal or case details, only a link; in
// discreet mode even the subject is neutral. Each is sent once (dedupe key) and recorded.
import {
  caseMember,
  type Database,
  familyResponse,
  notification,
  type NotificationKind,
  recordEntry,
  recordEntryShare,
  user,
} from "@homeward/db";
import { createTranslator, isLanguageCode, type LanguageCode } from "@homeward/i18n";
import { resources } from "@homeward/i18n/server";
import type { Mailer } from "@homeward/mail";
import { addDays } from "@homeward/rules";
import { and, eq, gte, inArray, lte } from "drizzle-orm";

export interface NotifyDeps {
  db: Database;
  mailer: Mailer;
  /** The family portal's public origin: links point there. */
  portalOrigin: string;
}

/** Where each kind of email takes the person (a page, never a record id). */
const landingPath: Record<NotificationKind, string> = {
  entry_shared: "/records",
  deadline_near: "/records",
  reply_arrived: "/records",
  meeting_set: "/meetings",
  agreement_shared: "/agreement",
  agreement_ended: "/agreement",
};

function mailText(language: string | null) {
  const lng: LanguageCode = isLanguageCode(language) ? language : "en";
  return createTranslator({ lng, dir: "ltr", resources: { mail: resources[lng].mail } }).getFixedT(
    lng,
    "mail",
  );
}

/**
 * Emails each user once for this dedupe key. Returns the user ids emailed now (not those who
 * turned email off, nor those already told).
 */
export async function notifyUsers(
  deps: NotifyDeps,
  input: { userIds: readonly string[]; kind: NotificationKind; dedupeKey: string },
): Promise<string[]> {
  if (input.userIds.length === 0) return [];
  const people = await deps.db
    .select({
      id: user.id,
      email: user.email,
      language: user.preferredLanguage,
      notify: user.notifyByEmail,
      discreet: user.discreetNotifications,
      kind: user.kind,
    })
    .from(user)
    .where(inArray(user.id, [...input.userIds]));
  const sent: string[] = [];
  for (const person of people) {
    if (!person.notify || person.kind !== "family") continue;
    const key = `${input.dedupeKey}:${person.id}`;
    // Claim the key first: a second run (or a second process) finds it taken and skips.
    const claimed = await deps.db
      .insert(notification)
      .values({ id: crypto.randomUUID(), userId: person.id, kind: input.kind, dedupeKey: key })
      .onConflictDoNothing({ target: notification.dedupeKey })
      .returning({ id: notification.id });
    const claim = claimed[0];
    if (!claim) continue;
    const t = mailText(person.language);
    const template = person.discreet ? "notify.discreet" : `notify.${input.kind}`;
    // Discreet mode links to the front page: even a path can say too much.
    const url = `${deps.portalOrigin}${person.discreet ? "/" : landingPath[input.kind]}`;
    // Discreet: a neutral sender, and no sign-off either ("details about your family" says
    // what the email is about).
    await deps.mailer.send({
      to: person.email,
      subject: t(`${template}.subject`),
      text: person.discreet
        ? t(`${template}.body`, { url })
        : `${t(`${template}.body`, { url })}\n\n${t("notify.signOff")}`,
      ...(person.discreet ? { fromName: t("notify.discreet.senderName") } : {}),
    });
    await deps.db
      .update(notification)
      .set({ sentAt: new Date() })
      .where(eq(notification.id, claim.id));
    sent.push(person.id);
  }
  return sent;
}

/** The account behind each case membership (and, for helpers, nobody else's). */
export async function usersOfMembers(
  db: Database,
  memberIds: readonly string[],
): Promise<string[]> {
  if (memberIds.length === 0) return [];
  const rows = await db
    .select({ userId: caseMember.userId })
    .from(caseMember)
    .where(inArray(caseMember.id, [...memberIds]));
  return [...new Set(rows.map((r) => r.userId))];
}

/**
 * Reminds each person with an entry still waiting for them when its deadline is within
 * `daysBefore` days and they have not sent a response yet. Safe to run as often as wanted.
 */
export async function sendDeadlineReminders(
  deps: NotifyDeps,
  options: { today: string; daysBefore?: number },
): Promise<number> {
  const until = addDays(options.today, options.daysBefore ?? 3);
  const due = await deps.db
    .select({
      entryId: recordEntryShare.entryId,
      memberId: recordEntryShare.memberId,
      userId: caseMember.userId,
    })
    .from(recordEntryShare)
    .innerJoin(recordEntry, eq(recordEntry.id, recordEntryShare.entryId))
    .innerJoin(caseMember, eq(caseMember.id, recordEntryShare.memberId))
    .where(
      and(
        eq(recordEntry.status, "shared_for_review"),
        gte(recordEntryShare.deadline, options.today),
        lte(recordEntryShare.deadline, until),
      ),
    );
  let sent = 0;
  for (const share of due) {
    const [answered] = await deps.db
      .select({ id: familyResponse.id })
      .from(familyResponse)
      .where(
        and(
          eq(familyResponse.entryId, share.entryId),
          eq(familyResponse.authorMemberId, share.memberId),
          inArray(familyResponse.status, ["open", "accepted", "declined", "noted"]),
        ),
      )
      .limit(1);
    if (answered) continue;
    const emailed = await notifyUsers(deps, {
      userIds: [share.userId],
      kind: "deadline_near",
      dedupeKey: `deadline_near:${share.entryId}:${share.memberId}`,
    });
    sent += emailed.length;
  }
  return sent;
}
