// The facts behind easy read or standard pages (issue 8): the person's own saved choice, and
// whether an easy-read need is recorded for them on a case they are a member of now. Only the
// person's own account row and their own person records are read, and only one yes-or-no
// leaves this function, so no case policy applies and no audit row is written (as for the
// account page's own read in account.ts); the pages it shapes audit their own reads.
import { caseMember, casePerson, user } from "@homeward/db";
import type { ReadModeFacts } from "@homeward/rules";
import { and, eq, gt, isNull, lte, or, sql } from "drizzle-orm";
import { NotFound, type ServiceContext } from "./context.ts";

export type ReadingPreference = Pick<ReadModeFacts, "account" | "recordedNeed">;

export async function readingPreference(ctx: ServiceContext): Promise<ReadingPreference> {
  // One statement: the account's own choice, and whether any active membership's person has
  // easy read recorded as a need.
  const needRecorded = ctx.db
    .select({ id: casePerson.id })
    .from(caseMember)
    .innerJoin(casePerson, eq(casePerson.id, caseMember.personId))
    .where(
      and(
        eq(caseMember.userId, ctx.userId),
        isNull(caseMember.revokedAt),
        lte(caseMember.activeFrom, ctx.now),
        or(isNull(caseMember.activeUntil), gt(caseMember.activeUntil, ctx.now)),
        eq(casePerson.easyRead, true),
      ),
    );
  const [row] = await ctx.db
    .select({
      easyRead: user.easyRead,
      chosenAt: user.easyReadChosenAt,
      recordedNeed: sql<boolean>`exists (${needRecorded})`,
    })
    .from(user)
    .where(eq(user.id, ctx.userId));
  if (!row) throw new NotFound(`user ${ctx.userId}`);
  return {
    account: { easyRead: row.easyRead, chosen: row.chosenAt !== null },
    recordedNeed: Boolean(row.recordedNeed),
  };
}
