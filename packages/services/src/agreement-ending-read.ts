// Reading what ended an agreement and which review dates were taken off it (issue 7,
// practitioner gaps). Kept apart from agreement-builder.ts and agreement-ending.ts so the
// builder's and the family's views can read it without an import cycle. Callers authorise.
import { agreementEnding, agreementReviewDateRemoval, type Database, user } from "@homeward/db";
import { asc, eq, inArray } from "drizzle-orm";

type Reader = Pick<Database, "select">;

export interface AgreementEndingView {
  endedOn: string;
  reason: string;
  endedByName: string;
  at: string;
}

export interface RemovedReviewDateView {
  reviewDateId: string;
  date: string;
  reason: string | null;
  removedByName: string;
  at: string;
}

export async function agreementEndingOf(
  db: Reader,
  agreementId: string,
): Promise<AgreementEndingView | null> {
  const [row] = await db
    .select({
      endedOn: agreementEnding.endedOn,
      reason: agreementEnding.reason,
      endedByName: user.name,
      at: agreementEnding.createdAt,
    })
    .from(agreementEnding)
    .innerJoin(user, eq(user.id, agreementEnding.endedBy))
    .where(eq(agreementEnding.agreementId, agreementId))
    .limit(1);
  return row ? { ...row, at: row.at.toISOString() } : null;
}

/** The ids of review dates taken off these agreements: they no longer count anywhere. */
export async function removedReviewDateIds(
  db: Reader,
  agreementIds: readonly string[],
): Promise<Set<string>> {
  if (agreementIds.length === 0) return new Set();
  const rows = await db
    .select({ id: agreementReviewDateRemoval.reviewDateId })
    .from(agreementReviewDateRemoval)
    .where(inArray(agreementReviewDateRemoval.agreementId, [...agreementIds]));
  return new Set(rows.map((r) => r.id));
}

export async function removedReviewDates(
  db: Reader,
  agreementId: string,
): Promise<RemovedReviewDateView[]> {
  const rows = await db
    .select({
      reviewDateId: agreementReviewDateRemoval.reviewDateId,
      date: agreementReviewDateRemoval.reviewDate,
      reason: agreementReviewDateRemoval.reason,
      removedByName: user.name,
      at: agreementReviewDateRemoval.removedAt,
    })
    .from(agreementReviewDateRemoval)
    .innerJoin(user, eq(user.id, agreementReviewDateRemoval.removedBy))
    .where(eq(agreementReviewDateRemoval.agreementId, agreementId))
    .orderBy(asc(agreementReviewDateRemoval.removedAt));
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}
