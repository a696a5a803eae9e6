// Case lists: what a family member belongs to, and a practitioner's team caseload.
// Each returns a view model: only the fields that list shows, never whole rows.
import { and, asc, eq, gt, inArray, isNull, or } from "drizzle-orm";
import type { Database } from "../client.ts";
import { caseMember, childCase } from "../schema/case.ts";
import { staffMembership } from "../schema/organisation.ts";

export interface FamilyCaseSummary {
  caseId: string;
  childFirstName: string;
  stage: (typeof childCase.$inferSelect)["stage"];
  role: (typeof caseMember.$inferSelect)["role"];
}

/** The cases a family member is on, through an access that is active now. */
export async function casesForFamilyMember(
  db: Database,
  options: { userId: string; now: Date },
): Promise<FamilyCaseSummary[]> {
  const rows = await db
    .select({
      caseId: childCase.id,
      childName: childCase.childName,
      stage: childCase.stage,
      role: caseMember.role,
    })
    .from(caseMember)
    .innerJoin(childCase, eq(childCase.id, caseMember.caseId))
    .where(
      and(
        eq(caseMember.userId, options.userId),
        inArray(caseMember.role, ["parent", "carer", "young_person", "advocate", "interpreter"]),
        or(isNull(caseMember.activeUntil), gt(caseMember.activeUntil, options.now)),
      ),
    )
    .orderBy(asc(childCase.childName));
  // Families see the child's first name only: the list is about "my child", not a record.
  return rows.map((r) => ({
    caseId: r.caseId,
    childFirstName: r.childName.split(" ")[0] ?? r.childName,
    stage: r.stage,
    role: r.role,
  }));
}

export interface CaseloadRow {
  caseId: string;
  reference: string;
  childName: string;
  stage: (typeof childCase.$inferSelect)["stage"];
  riskLevel: (typeof childCase.$inferSelect)["riskLevel"];
  riskLevelSince: string | null;
}

/** The cases of every team the practitioner belongs to. */
export async function caseloadForPractitioner(
  db: Database,
  options: { userId: string },
): Promise<CaseloadRow[]> {
  return db
    .select({
      caseId: childCase.id,
      reference: childCase.reference,
      childName: childCase.childName,
      stage: childCase.stage,
      riskLevel: childCase.riskLevel,
      riskLevelSince: childCase.riskLevelSince,
    })
    .from(childCase)
    .innerJoin(staffMembership, eq(staffMembership.teamId, childCase.teamId))
    .where(eq(staffMembership.userId, options.userId))
    .orderBy(asc(childCase.reference));
}
