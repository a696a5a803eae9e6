// Ending an agreement, and taking off a review date added by mistake (issue 7, practitioner
// gaps). Both change the terms, so each moves the agreement's version on with the version
// check (a stale page is refused, not overwritten) and keeps a copy of the terms (decision
// 012). Nothing is deleted: an ended agreement stays the family's copy, with the date and the
// reason, and a removed review date is kept with who removed it, when and why. The rules are
// checkAgreementEnd and checkReviewDateRemoval in @homeward/rules.
import {
  agreementEnding,
  agreementReviewDate,
  agreementReviewDateRemoval,
  type Database,
  parentalAgreement,
} from "@homeward/db";
import {
  type AgreementEndCode,
  checkAgreementEnd,
  checkReviewDateRemoval,
  isoDateSchema,
  type ReviewDateRemovalCode,
} from "@homeward/rules";
import { eq } from "drizzle-orm";
import { z } from "zod";
import {
  auditEntry,
  audited,
  authorizeChange,
  type NotifyTarget,
  nextVersion,
  nextVersionKeepingReview,
  notifyParties,
  reviewDatesOf,
  stillReady,
} from "./agreement-builder.ts";
import { removedReviewDateIds } from "./agreement-ending-read.ts";
import { NotFound, type ServiceContext, StaleWrite } from "./context.ts";
import { londonDate } from "./family-cases.ts";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** A rule refused the change; `code` is translated as `gaps:agreementErrors.<code>`. */
export class AgreementChangeRefused extends Error {
  readonly code: AgreementEndCode | ReviewDateRemovalCode;
  constructor(code: AgreementChangeRefused["code"]) {
    super(`Refused by the agreement rules: ${code}`);
    this.name = "AgreementChangeRefused";
    this.code = code;
  }
}

const version = z.coerce.number().int().min(1);

export const endAgreementSchema = z.object({
  endedOn: z
    .string({ error: "gaps:agreementErrors.date" })
    .trim()
    .refine((v) => isoDateSchema.safeParse(v).success, { error: "gaps:agreementErrors.date" }),
  reason: z
    .string({ error: "gaps:agreementErrors.NO_REASON" })
    .trim()
    .min(1, { error: "gaps:agreementErrors.NO_REASON" })
    .max(5000, { error: "gaps:agreementErrors.tooLong" }),
  version,
});
export type EndAgreementInput = z.infer<typeof endAgreementSchema>;

/**
 * The family keeps the agreement to read; it says it ended, when and why. With `notify`, each
 * party (and the helpers who read it with them) is emailed once, the way a published change
 * is: in their language, a link and no details, discreet mode respected.
 */
export async function endAgreement(
  ctx: ServiceContext,
  agreementId: string,
  input: EndAgreementInput,
  notify?: NotifyTarget,
): Promise<{ version: number; notified: number }> {
  // authorizeChange refuses families and an agreement already ended (audited).
  const { row } = await authorizeChange(ctx, agreementId, "end");
  const entry = {
    action: "end",
    resourceType: "agreement",
    resourceId: agreementId,
    caseId: row.caseId,
  };
  const result = await audited(ctx, entry, input.version, async () => {
    // A page opened before someone else's change hears about that first: what it shows is old.
    if (row.version !== input.version) throw new StaleWrite(row.version);
    const check = checkAgreementEnd(
      {
        status: row.status,
        sharedOn: row.publishedAt ? londonDate(row.publishedAt) : null,
      },
      { on: input.endedOn, reason: input.reason },
      londonDate(ctx.now),
    );
    if (!check.ok) {
      await auditEntry(ctx.db, ctx, entry, "denied", { reason: check.code });
      throw new AgreementChangeRefused(check.code);
    }
    return ctx.db.transaction(async (tx) => {
      const next = await nextVersion(tx, ctx, agreementId, input.version, { status: "ended" });
      await tx.insert(agreementEnding).values({
        id: crypto.randomUUID(),
        agreementId,
        endedOn: input.endedOn,
        reason: input.reason,
        agreementVersion: next,
        endedBy: ctx.userId,
        createdAt: ctx.now,
      });
      await auditEntry(tx, ctx, entry, "allowed", { endedOn: input.endedOn, version: next });
      return { version: next };
    });
  });
  // After the commit: an email about an end that did not happen would be worse than none.
  const notified = await notifyParties(ctx, notify, agreementId, result.version, "agreement_ended");
  return { version: result.version, notified: notified.length };
}

export const removeReviewDateSchema = z.object({
  reviewDateId: z
    .string({ error: "gaps:agreementErrors.whichDate" })
    .min(1, { error: "gaps:agreementErrors.whichDate" }),
  reason: z.string().trim().max(2000, { error: "gaps:agreementErrors.tooLong" }).default(""),
  version,
});
export type RemoveReviewDateInput = z.infer<typeof removeReviewDateSchema>;

async function reviewToRemove(tx: Tx | Database, agreementId: string, reviewDateId: string) {
  const legacy = `agreement:${agreementId}`;
  if (reviewDateId === legacy) {
    const [row] = await tx
      .select({ date: parentalAgreement.reviewDate })
      .from(parentalAgreement)
      .where(eq(parentalAgreement.id, agreementId));
    if (!row?.date) throw new NotFound(`review date ${reviewDateId}`);
    return { id: legacy, date: row.date, heldOn: null };
  }
  const [row] = await tx
    .select()
    .from(agreementReviewDate)
    .where(eq(agreementReviewDate.id, reviewDateId));
  if (!row || row.agreementId !== agreementId) throw new NotFound(`review date ${reviewDateId}`);
  return { id: row.id, date: row.reviewDate, heldOn: row.heldOn };
}

/**
 * Takes off a review date added by mistake: kept with who, when and why, left out of the
 * agreement from this version on. A shared agreement keeps at least one date.
 */
export async function removeReviewDate(
  ctx: ServiceContext,
  agreementId: string,
  input: RemoveReviewDateInput,
): Promise<{ version: number }> {
  const { row } = await authorizeChange(ctx, agreementId, "update");
  const entry = {
    action: "update",
    resourceType: "agreement",
    resourceId: agreementId,
    caseId: row.caseId,
  };
  const review = await reviewToRemove(ctx.db, agreementId, input.reviewDateId);
  return audited(ctx, entry, input.version, async () => {
    // A page opened before someone else's change hears about that first: what it shows is old.
    if (row.version !== input.version) throw new StaleWrite(row.version);
    const removed = await removedReviewDateIds(ctx.db, [agreementId]);
    const check = checkReviewDateRemoval(
      { status: row.status, reviewDates: await reviewDatesOf(ctx.db, row) },
      { ...review, removed: removed.has(review.id) },
    );
    if (!check.ok) {
      await auditEntry(ctx.db, ctx, entry, "denied", {
        reason: check.code,
        reviewDateId: review.id,
      });
      throw new AgreementChangeRefused(check.code);
    }
    return ctx.db.transaction(async (tx) => {
      await tx.insert(agreementReviewDateRemoval).values({
        id: crypto.randomUUID(),
        agreementId,
        reviewDateId: review.id,
        reviewDate: review.date,
        reason: input.reason || null,
        // The version this removal makes (the claim below checks the one the page read).
        agreementVersion: input.version + 1,
        removedBy: ctx.userId,
        removedAt: ctx.now,
      });
      const made = await nextVersionKeepingReview(tx, ctx, agreementId, input.version);
      // A published agreement must still be complete (the family reads it now).
      await stillReady(tx, agreementId);
      await auditEntry(tx, ctx, entry, "allowed", {
        removedReviewDate: review.date,
        reviewDateId: review.id,
        version: made,
      });
      return { version: made };
    });
  });
}
