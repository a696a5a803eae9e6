// Every request and response of the integration API, as zod schemas: the server validates
// with them and the OpenAPI document (openapi.ts) is generated from them, so the two cannot
// drift apart. Version 1: fields may be added; none is renamed or removed without /api/v2.
import {
  CASE_STEPS,
  isoDateSchema,
  LEGAL_STATUSES,
  RECLASSIFICATION_REASONS,
  RISK_FACTOR_STATES,
  RISK_LEVELS,
} from "@homeward/rules";
import {
  goalStatuses,
  personRelationships,
  recordEntryKinds,
  riskReviewPoints,
  supportStatuses,
} from "@homeward/db/schema";
import { z } from "zod";

export const API_VERSION = "1.0.0";

/** The named schemas: each becomes a `components.schemas` entry of the OpenAPI document. */
export const api = z.registry<{ id: string; description?: string }>();

const date = isoDateSchema.meta({ format: "date", examples: ["2026-11-26"] });
const dateTime = z.iso.datetime({ offset: true });
const id = z.string().min(1).max(200);

// ---------------------------------------------------------------------------------------
// Errors (RFC 9457 problem details)

export const problemSchema = z
  .object({
    type: z.string().meta({ description: "A URI naming the kind of problem." }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    /** A stable code a system can act on, e.g. MISSING_SCOPE, STALE_VERSION. */
    code: z.string(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .meta({ description: "For a 400: what was wrong with which field." }),
  })
  .register(api, { id: "Problem", description: "An error, as application/problem+json." });

// ---------------------------------------------------------------------------------------
// Cases

export const caseSummarySchema = z
  .object({
    id,
    reference: z.string(),
    stage: z.enum(CASE_STEPS),
    /** The recorded legal status, normalised to the framework's names when known. */
    legalStatus: z.enum(LEGAL_STATUSES).nullable(),
    legalStatusRecorded: z.string(),
  })
  .register(api, { id: "CaseSummary" });

export const caseListSchema = z
  .object({ cases: z.array(caseSummarySchema) })
  .register(api, { id: "CaseList", description: "The cases of the client's authority." });

// ---------------------------------------------------------------------------------------
// Classification

export const riskEvidenceSchema = z
  .object({
    riskFactors: z.enum(RISK_FACTOR_STATES),
    protectiveFactors: z.boolean(),
    capacityToChange: z.boolean(),
  })
  .register(api, { id: "RiskEvidence" });

export const agreedReviewSchema = z
  .object({
    id,
    point: z.enum(riskReviewPoints),
    reviewDate: date,
    level: z.enum(RISK_LEVELS).nullable().meta({
      description: "The level agreed at this review (the framework's, after the time rules).",
    }),
    evidence: riskEvidenceSchema,
    rationale: z.string().nullable(),
    agreedAt: dateTime.nullable(),
  })
  .register(api, { id: "AgreedReview" });

export const classificationSchema = z
  .object({
    caseId: id,
    asOf: date,
    agreed: z
      .object({
        level: z.enum(RISK_LEVELS),
        since: date,
        earliestStepDown: date.nullable(),
        driftDate: date.nullable(),
        mayClose: z.boolean(),
        reunificationPossible: z.boolean(),
        lastReviewOn: date,
        nextReclassification: z.object({
          due: date,
          reason: z.enum(RECLASSIFICATION_REASONS),
          overdue: z.boolean(),
        }),
      })
      .nullable()
      .meta({
        description:
          "The case's level today under the framework's time rules, from every agreed review; null until one is agreed.",
      }),
    reviews: z.array(agreedReviewSchema),
  })
  .register(api, { id: "Classification" });

// ---------------------------------------------------------------------------------------
// Agreements

export const agreementSchema = z
  .object({
    id,
    title: z.string(),
    status: z.enum(["published"]),
    riskFactorsSummary: z.string(),
    protectiveFactorsSummary: z.string(),
    reviewDate: date.nullable(),
    publishedAt: dateTime.nullable(),
    version: z.number().int(),
    parties: z.array(z.object({ personId: id.nullable(), role: z.string() })),
    goals: z.array(
      z.object({
        id,
        factorIds: z.array(z.string()),
        changeNeeded: z.string(),
        measure: z.string(),
        evidenceExpected: z.string(),
        dueDate: date,
        supportOffered: z.string(),
        consequence: z.string(),
        status: z.enum(goalStatuses),
      }),
    ),
    support: z.array(
      z.object({
        id,
        service: z.string(),
        provider: z.string(),
        startDate: date.nullable(),
        status: z.enum(supportStatuses),
        familyFlag: z
          .object({ flaggedAt: dateTime, note: z.string().nullable() })
          .nullable()
          .meta({ description: "The family said this promised support has not happened." }),
      }),
    ),
    acknowledgements: z.array(
      z.object({ personId: id.nullable(), agreementVersion: z.number().int(), at: dateTime }),
    ),
  })
  .register(api, { id: "Agreement" });

export const agreementListSchema = z
  .object({ caseId: id, agreements: z.array(agreementSchema) })
  .register(api, { id: "AgreementList", description: "The case's published parental agreements." });

// ---------------------------------------------------------------------------------------
// Finalised record entries, each with its standing disagreements and versions

export const disagreementSchema = z
  .object({
    id,
    versionNumber: z.number().int(),
    anchorText: z.string().nullable(),
    body: z.string(),
    status: z.enum(["open", "noted", "declined"]),
    personId: id.nullable().meta({ description: "Whose view this is (a case person)." }),
    writtenBy: z.enum(["self", "advocate", "interpreter"]),
    practitionerReply: z.string().nullable(),
    repliedAt: dateTime.nullable(),
    createdAt: dateTime,
  })
  .register(api, {
    id: "StandingDisagreement",
    description:
      "A family member's disagreement that stands: it stays attached to the entry wherever the entry goes.",
  });

export const entrySchema = z
  .object({
    id,
    kind: z.enum(recordEntryKinds),
    title: z.string(),
    notForFamily: z.boolean(),
    eventDate: date.nullable(),
    finalisedAt: dateTime.nullable(),
    supersedesEntryId: id.nullable(),
    versionNumber: z.number().int(),
    body: z.string(),
    versions: z.array(
      z.object({
        versionNumber: z.number().int(),
        body: z.string(),
        analysis: z.string().nullable(),
        changeReason: z.string().nullable(),
        createdAt: dateTime,
      }),
    ),
    standingDisagreements: z.array(disagreementSchema),
  })
  .register(api, { id: "FinalisedEntry" });

export const entryListSchema = z
  .object({ caseId: id, entries: z.array(entrySchema) })
  .register(api, { id: "FinalisedEntryList" });

// ---------------------------------------------------------------------------------------
// People

const flag = z.boolean().default(false);

export const personInputSchema = z
  .object({
    displayName: z.string().trim().min(1).max(200),
    // The child is recorded with the case; a system adds the people around them.
    relationship: z.enum(personRelationships).exclude(["child"]),
    dateOfBirth: date.nullable().default(null),
    preferredLanguage: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
      .nullable()
      .default(null)
      .meta({ description: "A BCP 47 language tag, e.g. ar or cy." }),
    interpreterNeeded: flag,
    easyRead: flag,
    advocateNeeded: flag,
    learningDisability: flag,
  })
  .strict()
  .register(api, {
    id: "PersonInput",
    description: "A person on the case. PUT replaces every field: omitted flags become false.",
  });

export const personSchema = z
  .object({
    id,
    caseId: id,
    displayName: z.string(),
    relationship: z.enum(personRelationships),
    isSubjectChild: z.boolean(),
    dateOfBirth: date.nullable(),
    preferredLanguage: z.string().nullable(),
    interpreterNeeded: z.boolean(),
    easyRead: z.boolean(),
    advocateNeeded: z.boolean(),
    learningDisability: z.boolean(),
    version: z.number().int(),
  })
  .register(api, { id: "Person" });

export const personListSchema = z
  .object({ caseId: id, people: z.array(personSchema) })
  .register(api, { id: "PersonList" });

// ---------------------------------------------------------------------------------------
// Contact details (CONFIDENTIAL: some are hidden from other people on the case)

export const contactDetailSchema = z
  .object({
    id,
    personId: id,
    address: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    hiddenFromPersonIds: z.array(id).meta({
      description:
        "The people on the case who must never see these details (e.g. a separated parent's new address kept from the other parent). Keep this marking with the details.",
    }),
    version: z.number().int().meta({ description: "Goes up by one with every change." }),
    updatedAt: dateTime,
  })
  .register(api, {
    id: "ContactDetail",
    description: "One person's contact details as the social worker last recorded them.",
  });

export const contactListSchema = z
  .object({ caseId: id, contacts: z.array(contactDetailSchema) })
  .register(api, {
    id: "ContactList",
    description:
      "The contact details of the people on the case, read-only: they are changed in Homeward.",
  });

// ---------------------------------------------------------------------------------------
// Legal status

export const legalStatusInputSchema = z
  .object({ legalStatus: z.enum(LEGAL_STATUSES) })
  .strict()
  .register(api, { id: "LegalStatusInput" });

export const legalStatusSchema = z
  .object({
    caseId: id,
    legalStatus: z.enum(LEGAL_STATUSES).nullable(),
    legalStatusRecorded: z.string(),
  })
  .register(api, { id: "LegalStatus" });

// ---------------------------------------------------------------------------------------
// Placement (CONFIDENTIAL: never shown to a family member)

export const placementInputSchema = z
  .object({
    carerNames: z.string().trim().min(1).max(500),
    address: z.string().trim().min(1).max(1000),
    phone: z.string().trim().max(50).nullable().default(null),
    startDate: date,
  })
  .strict()
  .register(api, {
    id: "PlacementInput",
    description:
      "Where the child lives now. The same startDate corrects the current placement; a later one records a move and ends the current placement that day.",
  });

export const placementSchema = z
  .object({
    id,
    carerNames: z.string(),
    address: z.string(),
    phone: z.string().nullable(),
    startDate: date,
    endDate: date.nullable(),
    version: z.number().int(),
  })
  .register(api, { id: "Placement" });

export const placementStateSchema = z
  .object({
    caseId: id,
    current: placementSchema.nullable(),
    previous: z.array(placementSchema),
  })
  .register(api, { id: "PlacementState" });

export type CaseList = z.infer<typeof caseListSchema>;
export type Classification = z.infer<typeof classificationSchema>;
export type AgreementList = z.infer<typeof agreementListSchema>;
export type EntryList = z.infer<typeof entryListSchema>;
export type PersonInput = z.infer<typeof personInputSchema>;
export type Person = z.infer<typeof personSchema>;
export type PersonList = z.infer<typeof personListSchema>;
export type ContactList = z.infer<typeof contactListSchema>;
export type LegalStatusInput = z.infer<typeof legalStatusInputSchema>;
export type LegalStatusView = z.infer<typeof legalStatusSchema>;
export type PlacementInput = z.infer<typeof placementInputSchema>;
export type PlacementState = z.infer<typeof placementStateSchema>;
export type Problem = z.infer<typeof problemSchema>;
