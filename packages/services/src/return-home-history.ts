// Every return home of a case (issue 7, practitioner gaps): a child can go home, come back
// into care and go home again, and each return is its own record (return_home_episode).
// child_case.returned_home_on / re_entered_care_on still hold the latest, for the code and
// figures that read them. A return recorded before the history was kept lives only in those
// columns: it is shown from them, and copied into the history before a later return
// overwrites them. Callers authorise; these helpers only read and write.
import { type childCase, returnHomeEpisode, user } from "@homeward/db";
import { asc, eq } from "drizzle-orm";
import type { ServiceContext } from "./context.ts";

type Db = Pick<ServiceContext["db"], "select" | "insert">;
type CaseRow = Pick<
  typeof childCase.$inferSelect,
  "id" | "returnedHomeOn" | "reEnteredCareOn" | "createdAt"
>;

export interface ReturnHomeView {
  /** null for a return recorded before the history was kept and not copied yet. */
  id: string | null;
  number: number;
  returnedOn: string;
  reEnteredCareOn: string | null;
  riskLevel: string | null;
  recordedByName: string | null;
  /** The child is home on this return now. */
  current: boolean;
}

/** The case's returns, oldest first, numbered; the latest is current while the child is home. */
export async function returnHistory(db: Db, kase: CaseRow): Promise<ReturnHomeView[]> {
  const rows = await db
    .select({
      id: returnHomeEpisode.id,
      returnedOn: returnHomeEpisode.returnedOn,
      reEnteredCareOn: returnHomeEpisode.reEnteredCareOn,
      riskLevel: returnHomeEpisode.riskLevel,
      recordedByName: user.name,
    })
    .from(returnHomeEpisode)
    .leftJoin(user, eq(user.id, returnHomeEpisode.recordedBy))
    .where(eq(returnHomeEpisode.caseId, kase.id))
    .orderBy(asc(returnHomeEpisode.returnedOn), asc(returnHomeEpisode.createdAt));
  const episodes: Omit<ReturnHomeView, "number" | "current">[] = rows.map((r) => ({
    ...r,
    recordedByName: r.recordedByName ?? null,
  }));
  if (kase.returnedHomeOn !== null && !rows.some((r) => r.returnedOn === kase.returnedHomeOn)) {
    episodes.push({
      id: null,
      returnedOn: kase.returnedHomeOn,
      reEnteredCareOn: kase.reEnteredCareOn,
      riskLevel: null,
      recordedByName: null,
    });
    episodes.sort((a, b) => a.returnedOn.localeCompare(b.returnedOn));
  }
  return episodes.map((e, index) => ({
    ...e,
    number: index + 1,
    current: index === episodes.length - 1 && e.reEnteredCareOn === null,
  }));
}

/**
 * Before a new return overwrites the case's columns: a return known only from them becomes
 * a record of its own (recorded by nobody we know: it predates the history).
 */
export async function keepEarlierReturn(db: Db, kase: CaseRow): Promise<void> {
  if (kase.returnedHomeOn === null) return;
  const rows = await db
    .select({ returnedOn: returnHomeEpisode.returnedOn })
    .from(returnHomeEpisode)
    .where(eq(returnHomeEpisode.caseId, kase.id));
  if (rows.some((r) => r.returnedOn === kase.returnedHomeOn)) return;
  await db.insert(returnHomeEpisode).values({
    id: `return-${kase.id}-${kase.returnedHomeOn}`,
    caseId: kase.id,
    returnedOn: kase.returnedHomeOn,
    reEnteredCareOn: kase.reEnteredCareOn,
    recordedBy: null,
    createdAt: kase.createdAt,
  });
}
