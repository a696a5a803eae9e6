// The cases a family member is on, as the policy sees them: shared by the portal's home,
// traffic light and meetings services so each asks the same question the same way.
import { can, isActive, type Membership, type PolicyViewer } from "@homeward/auth/policy";
import { agreementParty, caseMember, childCase, parentalAgreement } from "@homeward/db";
import { and, asc, eq, inArray } from "drizzle-orm";
import { authorize, type CaseFacts, loadViewer, visible } from "./access.ts";
import { NotFound, once, type ServiceContext } from "./context.ts";

const familyRoles = ["parent", "carer", "young_person", "advocate", "interpreter"] as const;

export interface FamilyCase {
  caseId: string;
  /** Families see the child's first name only: the page is about "my child", not a record. */
  childFirstName: string;
  facts: CaseFacts;
  viewer: PolicyViewer;
  /** The membership of the person whose view this is: the helper's person, or the viewer. */
  person: Membership;
  /** Set when an advocate or interpreter reads for the person (the audit names them). */
  onBehalfOfMemberId: string | null;
  /** The young person's own, simpler version of the pages (or their helper's). */
  forYoungPerson: boolean;
}

function firstName(name: string): string {
  return name.split(" ")[0] ?? name;
}

function asFamilyCase(
  ctx: ServiceContext,
  row: { id: string; teamId: string; authorityId: string; childName: string },
  viewer: PolicyViewer,
): FamilyCase | null {
  const facts: CaseFacts = { caseId: row.id, teamId: row.teamId, authorityId: row.authorityId };
  const decision = can(viewer, "read", { type: "case", ...facts }, ctx.now);
  if (!decision.allowed) return null;
  // The policy answers "as" the person: for an advocate or interpreter, `onBehalfOf` names
  // the member they act for; otherwise the viewer's own active family membership allowed it.
  const person = decision.onBehalfOf
    ? viewer.memberships.find((m) => m.actingFor?.memberId === decision.onBehalfOf)?.actingFor
    : viewer.memberships.find(
        (m) => m.role === decision.as && m.actingFor === null && isActive(m, ctx.now),
      );
  if (!person) return null;
  return {
    caseId: row.id,
    childFirstName: firstName(row.childName),
    facts,
    viewer,
    person,
    onBehalfOfMemberId: decision.onBehalfOf,
    forYoungPerson: person.role === "young_person",
  };
}

/**
 * Every case the signed-in family member may read now, by the child's name. A membership
 * that has ended, been revoked or lacks consent simply drops out: it is not an attempt to
 * read anything, so it is not audited as a refusal.
 */
export async function familyCases(ctx: ServiceContext): Promise<FamilyCase[]> {
  const rows = await once(ctx, `familyCases:${ctx.userId}`, () => familyCaseRows(ctx));
  const result: FamilyCase[] = [];
  for (const row of rows) {
    const viewer = await loadViewer(ctx, row.id);
    const found = asFamilyCase(ctx, row, viewer);
    if (found) result.push(found);
  }
  return result;
}

function familyCaseRows(ctx: ServiceContext) {
  return ctx.db
    .selectDistinct({
      id: childCase.id,
      teamId: childCase.teamId,
      authorityId: childCase.authorityId,
      childName: childCase.childName,
    })
    .from(caseMember)
    .innerJoin(childCase, eq(childCase.id, caseMember.caseId))
    .where(and(eq(caseMember.userId, ctx.userId), inArray(caseMember.role, [...familyRoles])))
    .orderBy(asc(childCase.childName), asc(childCase.id));
}

/** One case, asked by id: a refusal is audited and thrown as AccessDenied. */
export async function familyCase(ctx: ServiceContext, caseId: string): Promise<FamilyCase> {
  const [row] = await ctx.db
    .select({
      id: childCase.id,
      teamId: childCase.teamId,
      authorityId: childCase.authorityId,
      childName: childCase.childName,
    })
    .from(childCase)
    .where(eq(childCase.id, caseId))
    .limit(1);
  if (!row) throw new NotFound(`case ${caseId}`);
  const { viewer } = await authorize(ctx, "read", {
    type: "case",
    id: caseId,
    caseId,
    teamId: row.teamId,
    authorityId: row.authorityId,
  });
  const found = asFamilyCase(ctx, row, viewer);
  // Allowed, but not as a family member (a practitioner): there is no family page for them.
  if (!found) throw new NotFound(`family membership of case ${caseId}`);
  return found;
}

// Made once: building a formatter loads locale and time-zone data, and pages call this often.
const londonCalendar = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today's calendar date in England, where Homeward's families and meetings are. */
export function londonDate(now: Date): string {
  return londonCalendar.format(now);
}

/**
 * The ids of a case's agreements this person may read (policy: agreement - published, and
 * they, or the person they help, are a party to it).
 */
export async function readableAgreementIds(
  ctx: ServiceContext,
  kase: FamilyCase,
): Promise<string[]> {
  const agreements = await ctx.db
    .select({ id: parentalAgreement.id, status: parentalAgreement.status })
    .from(parentalAgreement)
    .where(eq(parentalAgreement.caseId, kase.caseId));
  if (agreements.length === 0) return [];
  const parties = await ctx.db
    .select()
    .from(agreementParty)
    .where(
      inArray(
        agreementParty.agreementId,
        agreements.map((a) => a.id),
      ),
    );
  return visible(
    kase.viewer,
    agreements,
    (a) => ({
      type: "agreement" as const,
      ...kase.facts,
      published: a.status === "published",
      partyMemberIds: parties.filter((p) => p.agreementId === a.id).map((p) => p.memberId),
    }),
    ctx.now,
  ).map((a) => a.id);
}
