// The facts the policy needs about any one record, loaded from the database. Services use
// these before every read or change; the authorisation matrix test uses them to ask the
// policy about every seeded resource type.
import type { ResourceFacts, ResourceType } from "@homeward/auth/policy";
import {
  agreementParty,
  casePerson,
  confidentialName,
  decision,
  factorAssessment,
  familyResponse,
  goalProgress,
  agreementGoal,
  meeting,
  parentalAgreement,
  personContact,
  placement,
  plan,
  recordEntry,
  recordEntryShare,
  riskClassification,
  riskReview,
  viewsAndWishes,
} from "@homeward/db";
import { and, eq, isNotNull } from "drizzle-orm";
import { caseFacts } from "./access.ts";
import { NotFound, type ServiceContext } from "./context.ts";

export type LocatedFacts = ResourceFacts & { id: string };

async function one<T>(rows: Promise<T[]>, what: string): Promise<T> {
  const [row] = await rows;
  if (!row) throw new NotFound(what);
  return row;
}

async function entryFacts(ctx: ServiceContext, entryId: string): Promise<LocatedFacts> {
  const entry = await one(
    ctx.db.select().from(recordEntry).where(eq(recordEntry.id, entryId)),
    `entry ${entryId}`,
  );
  const shares = await ctx.db
    .select({ memberId: recordEntryShare.memberId })
    .from(recordEntryShare)
    .where(eq(recordEntryShare.entryId, entryId));
  return {
    type: "record_entry",
    id: entryId,
    ...(await caseFacts(ctx, entry.caseId)),
    status: entry.status,
    notForFamily: entry.notForFamily,
    sharedWithMemberIds: shares.map((s) => s.memberId),
    chronologistEntry: entry.chronologistEntry,
  };
}

async function agreementFacts(
  ctx: ServiceContext,
  agreementId: string,
  type: "agreement" | "goal_progress",
  id: string,
): Promise<LocatedFacts> {
  const agreement = await one(
    ctx.db.select().from(parentalAgreement).where(eq(parentalAgreement.id, agreementId)),
    `agreement ${agreementId}`,
  );
  const parties = await ctx.db
    .select({ memberId: agreementParty.memberId })
    .from(agreementParty)
    .where(eq(agreementParty.agreementId, agreementId));
  return {
    type,
    id,
    ...(await caseFacts(ctx, agreement.caseId)),
    published: agreement.status === "published",
    partyMemberIds: parties.map((p) => p.memberId),
  };
}

/** Facts for one record of a type, by id. Throws NotFound for an unknown id. */
export async function resourceFacts(
  ctx: ServiceContext,
  type: ResourceType,
  id: string,
): Promise<LocatedFacts> {
  switch (type) {
    case "case":
      return { type, id, ...(await caseFacts(ctx, id)) };
    case "person": {
      const person = await one(
        ctx.db.select().from(casePerson).where(eq(casePerson.id, id)),
        `person ${id}`,
      );
      return { type, id, ...(await caseFacts(ctx, person.caseId)), personId: id };
    }
    case "person_contact": {
      const row = await one(
        ctx.db
          .select({ contact: personContact, caseId: casePerson.caseId })
          .from(personContact)
          .innerJoin(casePerson, eq(casePerson.id, personContact.personId))
          .where(eq(personContact.id, id)),
        `contact ${id}`,
      );
      return {
        type,
        id,
        ...(await caseFacts(ctx, row.caseId)),
        ownerPersonId: row.contact.personId,
        hiddenFromPersonIds: row.contact.hiddenFromPersonIds,
      };
    }
    case "confidential_name": {
      const row = await one(
        ctx.db.select().from(confidentialName).where(eq(confidentialName.id, id)),
        `confidential name ${id}`,
      );
      return { type, id, ...(await caseFacts(ctx, row.caseId)) };
    }
    case "placement": {
      const row = await one(
        ctx.db.select().from(placement).where(eq(placement.id, id)),
        `placement ${id}`,
      );
      return { type, id, ...(await caseFacts(ctx, row.caseId)) };
    }
    case "record_entry":
      return entryFacts(ctx, id);
    case "family_response": {
      const row = await one(
        ctx.db.select().from(familyResponse).where(eq(familyResponse.id, id)),
        `response ${id}`,
      );
      const entry = await entryFacts(ctx, row.entryId);
      return {
        type,
        id,
        caseId: entry.caseId,
        teamId: entry.teamId,
        authorityId: entry.authorityId,
        authorMemberId: row.authorMemberId,
        onBehalfOfMemberId: row.onBehalfOfMemberId,
        draft: row.status === "draft",
      };
    }
    case "factor_assessment": {
      const row = await one(
        ctx.db.select().from(factorAssessment).where(eq(factorAssessment.id, id)),
        `factor ${id}`,
      );
      return { type, id, ...(await caseFacts(ctx, row.caseId)) };
    }
    case "risk_classification": {
      const row = await one(
        ctx.db.select().from(riskClassification).where(eq(riskClassification.id, id)),
        `classification ${id}`,
      );
      const review = await one(
        ctx.db.select().from(riskReview).where(eq(riskReview.id, row.reviewId)),
        `review ${row.reviewId}`,
      );
      const submitted = await ctx.db
        .select({ id: riskClassification.id })
        .from(riskClassification)
        .where(
          and(
            eq(riskClassification.reviewId, row.reviewId),
            isNotNull(riskClassification.submittedAt),
          ),
        );
      return {
        type,
        id,
        ...(await caseFacts(ctx, review.caseId)),
        practitionerUserId: row.practitionerUserId,
        // Two independent classifications make a review; both must be in before either shows.
        bothSubmitted: submitted.length >= 2,
      };
    }
    case "risk_review": {
      const row = await one(
        ctx.db.select().from(riskReview).where(eq(riskReview.id, id)),
        `review ${id}`,
      );
      return { type, id, ...(await caseFacts(ctx, row.caseId)), agreed: row.status === "agreed" };
    }
    case "decision": {
      const row = await one(
        ctx.db.select().from(decision).where(eq(decision.id, id)),
        `decision ${id}`,
      );
      return { type, id, ...(await caseFacts(ctx, row.caseId)) };
    }
    case "agreement":
      return agreementFacts(ctx, id, "agreement", id);
    case "goal_progress": {
      const row = await one(
        ctx.db
          .select({ agreementId: agreementGoal.agreementId })
          .from(goalProgress)
          .innerJoin(agreementGoal, eq(agreementGoal.id, goalProgress.goalId))
          .where(eq(goalProgress.id, id)),
        `progress ${id}`,
      );
      return agreementFacts(ctx, row.agreementId, "goal_progress", id);
    }
    case "views_and_wishes": {
      const row = await one(
        ctx.db.select().from(viewsAndWishes).where(eq(viewsAndWishes.id, id)),
        `views ${id}`,
      );
      return {
        type,
        id,
        ...(await caseFacts(ctx, row.caseId)),
        authorMemberId: row.authorMemberId,
        onBehalfOfMemberId: row.onBehalfOfMemberId,
        viewsKind: row.kind,
        sharing: row.sharing,
        draft: row.status === "draft",
      };
    }
    case "meeting": {
      const row = await one(
        ctx.db.select().from(meeting).where(eq(meeting.id, id)),
        `meeting ${id}`,
      );
      return { type, id, ...(await caseFacts(ctx, row.caseId)) };
    }
    case "plan": {
      const row = await one(ctx.db.select().from(plan).where(eq(plan.id, id)), `plan ${id}`);
      return {
        type,
        id,
        ...(await caseFacts(ctx, row.caseId)),
        planActive: row.status === "active",
      };
    }
    case "audit_log": {
      // The audit trail of one record entry ("who viewed or changed this").
      const subject = await entryFacts(ctx, id);
      return {
        type,
        id,
        caseId: subject.caseId,
        teamId: subject.teamId,
        authorityId: subject.authorityId,
        subject,
      };
    }
  }
}
