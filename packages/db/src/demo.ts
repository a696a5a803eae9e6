// Demo data for a fresh machine: one authority, one team, three cases at different stages
// and risk levels, one account per role, and a full case record for each case (issue 4,
// "Demo data"). Everything is fictional: names, places, addresses and phone numbers (Ofcom's
// drama range) are invented. Ids are fixed and readable so tests can name them: `demoIds`.
import type { FactorId } from "@homeward/rules";
import { count } from "drizzle-orm";
import type { Database } from "./client.ts";
import { seedDemoCohort } from "./demo-cohort.ts";
import { seedDemoConfidentialDetails } from "./demo-confidential-details.ts";
import { seedDemoEasyRead } from "./demo-easy-read.ts";
import { seedDemoIntegration } from "./demo-integration.ts";
import { seedDemoPlans } from "./demo-plans.ts";
import { seedDemoRecordReview } from "./demo-record-review.ts";
import {
  agreementAcknowledgement,
  agreementGoal,
  agreementParty,
  agreementSupport,
  goalProgress,
  parentalAgreement,
} from "./schema/agreements.ts";
import {
  capacityEvidence,
  decision,
  factorAssessment,
  riskClassification,
  riskReview,
} from "./schema/assessment.ts";
import { type AccountKind, user } from "./schema/auth.ts";
import { type CaseRole, caseMember, childCase, type MemberPermission } from "./schema/case.ts";
import { meeting, meetingAttendee } from "./schema/meetings.ts";
import { authority, type StaffRole, staffMembership, team } from "./schema/organisation.ts";
import { casePerson, personContact } from "./schema/people.ts";
import { placement } from "./schema/placement.ts";
import { plan, planService } from "./schema/plans.ts";
import {
  familyResponse,
  recordEntry,
  recordEntryShare,
  recordEntryVersion,
} from "./schema/record-entries.ts";
import { viewsAndWishes } from "./schema/views.ts";

/** Printed by the start command; demo only, never used outside a demo database. */
export const demoPassword = "homeward-demo-2026";
/** The TOTP secret every demo practitioner's authenticator holds (a 32-character key). */
export const demoTotpSecret = "homeward-demo-totp-secret-000001";

export interface DemoAccount {
  key: string;
  name: string;
  email: string;
  kind: AccountKind;
  roleLabel: string;
  preferredLanguage?: string;
}

export const demoAccounts = [
  {
    key: "parent",
    name: "Leah Morgan",
    email: "parent@homeward.example",
    kind: "family",
    roleLabel: "parent",
  },
  {
    key: "secondParent",
    name: "Daniel Morgan",
    email: "second-parent@homeward.example",
    kind: "family",
    roleLabel: "second parent (separated)",
  },
  {
    key: "youngPerson",
    name: "Yasmin Haddad",
    email: "young-person@homeward.example",
    kind: "family",
    roleLabel: "young person, 14",
  },
  {
    key: "arabicParent",
    name: "Amira Haddad",
    email: "amira@homeward.example",
    kind: "family",
    roleLabel: "parent (Arabic speaker)",
    preferredLanguage: "ar",
  },
  {
    key: "ldParent",
    name: "Kerry Brooks",
    email: "kerry@homeward.example",
    kind: "family",
    roleLabel: "parent (learning disability)",
  },
  {
    key: "advocate",
    name: "Ruth Ellis",
    email: "advocate@homeward.example",
    kind: "family",
    roleLabel: "advocate",
  },
  {
    key: "interpreter",
    name: "Yusuf Karim",
    email: "interpreter@homeward.example",
    kind: "family",
    roleLabel: "interpreter (Arabic)",
  },
  {
    key: "socialWorker",
    name: "Sarah Okafor",
    email: "social-worker@homeward.example",
    kind: "practitioner",
    roleLabel: "social worker",
  },
  {
    key: "coWorker",
    name: "Tom Price",
    email: "co-worker@homeward.example",
    kind: "practitioner",
    roleLabel: "independent co-worker",
  },
  {
    key: "teamManager",
    name: "Priya Shah",
    email: "team-manager@homeward.example",
    kind: "practitioner",
    roleLabel: "team manager",
  },
] as const satisfies readonly DemoAccount[];

export type DemoAccountKey = (typeof demoAccounts)[number]["key"];

/** Creates one sign-in account (password, second factor) and returns its user id. */
export type DemoAccountFactory = (account: DemoAccount) => Promise<string>;

const teamStaff: Partial<Record<DemoAccountKey, StaffRole>> = {
  socialWorker: "social_worker",
  coWorker: "co_worker",
  teamManager: "team_manager",
};

/** The ids tests and screens refer to. Member ids are `${caseId}-${accountKey}`. */
export const demoIds = {
  cases: { mia: "case-mia", yasmin: "case-yasmin", tyler: "case-tyler" },
  members: {
    miaLeah: "case-mia-parent",
    miaDaniel: "case-mia-secondParent",
    miaSocialWorker: "case-mia-socialWorker",
    miaCoWorker: "case-mia-coWorker",
    yasminYoungPerson: "case-yasmin-youngPerson",
    yasminAmira: "case-yasmin-arabicParent",
    yasminInterpreter: "case-yasmin-interpreter",
    yasminSocialWorker: "case-yasmin-socialWorker",
    yasminCoWorker: "case-yasmin-coWorker",
    tylerKerry: "case-tyler-ldParent",
    tylerAdvocate: "case-tyler-advocate",
    tylerSocialWorker: "case-tyler-socialWorker",
    tylerCoWorker: "case-tyler-coWorker",
  },
  people: {
    mia: "person-mia-mia",
    leah: "person-mia-leah",
    daniel: "person-mia-daniel",
    yasmin: "person-yasmin-yasmin",
    amira: "person-yasmin-amira",
    tyler: "person-tyler-tyler",
    kerry: "person-tyler-kerry",
    pat: "person-tyler-pat",
  },
  /** CONFIDENTIAL rows: Leah's is hidden from Daniel and Daniel's from Leah. */
  contacts: {
    leah: "contact-mia-leah",
    daniel: "contact-mia-daniel",
    amira: "contact-yasmin-amira",
    kerry: "contact-tyler-kerry",
  },
  /** CONFIDENTIAL: never sent to a family member. */
  placements: { mia: "placement-mia", yasmin: "placement-yasmin", tyler: "placement-tyler" },
  entries: {
    /** Chronology events shared for review with Leah and with Daniel. */
    miaSharedWithBothParents: ["entry-mia-1", "entry-mia-3", "entry-mia-5"],
    /** About Leah's own health: shared with Leah only. */
    miaSharedWithLeahOnly: "entry-mia-4",
    /** Draft chronology events, not shared with anyone yet. */
    miaDrafts: ["entry-mia-2", "entry-mia-6"],
    /** A case note marked not for family. */
    miaPrivateNote: "entry-mia-note-1",
    /** An assessment section shared with Amira, with a disagreement written by her interpreter. */
    yasminSharedWithAmira: "entry-yasmin-1",
    /** A young person's summary, shared with Yasmin only. */
    yasminSharedWithYasmin: "entry-yasmin-2",
    /** Finalised, carrying Kerry's unresolved disagreement (written by her advocate). */
    tylerFinalisedWithDisagreement: "entry-tyler-1",
    /** Finalised meeting minutes. */
    tylerMinutes: "entry-tyler-2",
    /** A draft correction of the finalised minutes: a new entry linked to the old one. */
    tylerCorrection: "entry-tyler-3",
  },
  responses: {
    danielCorrection: "response-mia-daniel-1",
    leahComment: "response-mia-leah-1",
    amiraDisagreement: "response-yasmin-amira-1",
    kerryDisagreement: "response-tyler-kerry-1",
  },
  riskReviews: {
    yasminOnEntry: "review-yasmin-0",
    yasminClassification1: "review-yasmin-1",
    yasminClassification2: "review-yasmin-2",
    tylerClassification1: "review-tyler-1",
    tylerDrift: "review-tyler-2",
  },
  decisions: {
    mia1: "decision-mia-1",
    yasmin1: "decision-yasmin-1",
    yasmin2: "decision-yasmin-2",
    tyler1: "decision-tyler-1",
    tyler2: "decision-tyler-2",
    tylerPanel: "decision-tyler-panel",
  },
  agreement: "agreement-yasmin",
  goals: ["goal-yasmin-1", "goal-yasmin-2", "goal-yasmin-3"],
  supports: ["support-yasmin-1", "support-yasmin-2", "support-yasmin-3"],
  /** The promised support Amira flagged as not delivered. */
  flaggedSupport: "support-yasmin-3",
  acknowledgement: "ack-yasmin-amira-1",
  wishes: {
    /** Yasmin's wishes, private to her and her social worker. */
    yasminPrivate: "wishes-yasmin-private",
    /** Yasmin's wishes, which she chose to share with her mum. */
    yasminShared: "wishes-yasmin-shared",
    /** Amira's views, written with her interpreter. */
    amiraViews: "views-yasmin-amira",
  },
  meetings: {
    yasminReview: "meeting-yasmin-review",
    miaPlanning: "meeting-mia-planning",
    tylerPermanence: "meeting-tyler-permanence",
  },
  plans: {
    yasminReunification: "plan-yasmin-reunification",
    tylerPermanence: "plan-tyler-permanence",
    tylerContact: "plan-tyler-contact",
  },
} as const;

const ids = demoIds;

interface DemoMember {
  account: DemoAccountKey;
  role: CaseRole;
  relationship?: string;
  actingFor?: DemoAccountKey;
  language?: string;
  /** Which person on the case this account is. */
  person?: string;
  /** Advocates and interpreters: consent, who granted the access, what they may do, until when. */
  access?: {
    consentRecordedAt: string;
    consentRecordedBy: DemoAccountKey;
    grantedBy: DemoAccountKey;
    permissions: MemberPermission[];
    activeUntil: string;
  };
}

const demoCases: {
  id: string;
  reference: string;
  childName: string;
  childDateOfBirth: string;
  legalStatus: string;
  stage: (typeof childCase.$inferInsert)["stage"];
  riskLevel: (typeof childCase.$inferInsert)["riskLevel"];
  riskLevelSince: string | null;
  returnedHomeOn?: string;
  reEnteredCareOn?: string;
  members: DemoMember[];
}[] = [
  {
    id: ids.cases.mia,
    reference: "HW-1001",
    childName: "Mia Morgan",
    childDateOfBirth: "2020-03-14",
    legalStatus: "s20",
    stage: "initial_assessment",
    riskLevel: null,
    riskLevelSince: null,
    members: [
      { account: "parent", role: "parent", relationship: "mother", person: ids.people.leah },
      {
        account: "secondParent",
        role: "parent",
        relationship: "father",
        person: ids.people.daniel,
      },
      { account: "socialWorker", role: "social_worker" },
      { account: "coWorker", role: "co_worker" },
    ],
  },
  {
    id: ids.cases.yasmin,
    reference: "HW-1002",
    childName: "Yasmin Haddad",
    childDateOfBirth: "2012-06-02",
    legalStatus: "s31",
    stage: "parental_agreements",
    riskLevel: "medium",
    riskLevelSince: "2026-05-11",
    members: [
      { account: "youngPerson", role: "young_person", person: ids.people.yasmin },
      {
        account: "arabicParent",
        role: "parent",
        relationship: "mother",
        language: "ar",
        person: ids.people.amira,
      },
      {
        account: "interpreter",
        role: "interpreter",
        actingFor: "arabicParent",
        language: "ar",
        access: {
          consentRecordedAt: "2026-05-20T10:15:00Z",
          consentRecordedBy: "socialWorker",
          grantedBy: "socialWorker",
          permissions: ["read", "respond"],
          // To the end of 31 March 2027, London time (BST from 28 March).
          activeUntil: "2027-03-31T22:59:59Z",
        },
      },
      { account: "socialWorker", role: "social_worker" },
      { account: "coWorker", role: "co_worker" },
    ],
  },
  {
    id: ids.cases.tyler,
    reference: "HW-1003",
    childName: "Tyler Brooks",
    childDateOfBirth: "2017-10-21",
    legalStatus: "s31",
    stage: "alternative_permanence",
    riskLevel: "severe",
    riskLevelSince: "2026-01-19",
    // Tyler went home once and came back into care: a failed return (framework.md).
    returnedHomeOn: "2023-09-04",
    reEnteredCareOn: "2024-03-18",
    members: [
      { account: "ldParent", role: "parent", relationship: "mother", person: ids.people.kerry },
      {
        account: "advocate",
        role: "advocate",
        actingFor: "ldParent",
        access: {
          consentRecordedAt: "2026-01-12T14:00:00Z",
          consentRecordedBy: "socialWorker",
          // Kerry asked for Ruth: the parent invites her advocate.
          grantedBy: "ldParent",
          permissions: ["read", "respond", "views"],
          activeUntil: "2027-06-30T22:59:59Z",
        },
      },
      { account: "socialWorker", role: "social_worker" },
      { account: "coWorker", role: "co_worker" },
    ],
  },
];

type UserIds = Record<DemoAccountKey, string>;
const at = (iso: string) => new Date(iso);

// ---------------------------------------------------------------------------------------
// People, contact details and placements

const people: (typeof casePerson.$inferInsert)[] = [
  {
    id: ids.people.mia,
    caseId: ids.cases.mia,
    displayName: "Mia Morgan",
    relationship: "child",
    isSubjectChild: true,
    dateOfBirth: "2020-03-14",
    preferredLanguage: "en",
    notes: "Loves drawing and her foster carers' dog. Asks about both parents every day.",
  },
  {
    id: ids.people.leah,
    caseId: ids.cases.mia,
    displayName: "Leah Morgan",
    relationship: "mother",
    dateOfBirth: "1995-07-22",
    preferredLanguage: "en",
    notes: "Prefers morning appointments; finds phone calls hard when low, text first.",
  },
  {
    id: ids.people.daniel,
    caseId: ids.cases.mia,
    displayName: "Daniel Morgan",
    relationship: "father",
    dateOfBirth: "1992-01-09",
    preferredLanguage: "en",
    notes: "Separated from Leah since 2023. Works shifts: evenings after 6pm work best.",
  },
  {
    id: ids.people.yasmin,
    caseId: ids.cases.yasmin,
    displayName: "Yasmin Haddad",
    relationship: "child",
    isSubjectChild: true,
    dateOfBirth: "2012-06-02",
    preferredLanguage: "en",
    notes:
      "Bilingual (English and Arabic). Prefers to use the portal rather than meet in the office.",
  },
  {
    id: ids.people.amira,
    caseId: ids.cases.yasmin,
    displayName: "Amira Haddad",
    relationship: "mother",
    dateOfBirth: "1986-11-03",
    preferredLanguage: "ar",
    interpreterNeeded: true,
    notes:
      "Arrived in England in 2019. Needs the system explained as well as translated: care order, review, agreement.",
  },
  {
    id: ids.people.tyler,
    caseId: ids.cases.tyler,
    displayName: "Tyler Brooks",
    relationship: "child",
    isSubjectChild: true,
    dateOfBirth: "2017-10-21",
    preferredLanguage: "en",
    notes: "Settled with his carers; football on Saturdays. Upset when contact is cancelled.",
  },
  {
    id: ids.people.kerry,
    caseId: ids.cases.tyler,
    displayName: "Kerry Brooks",
    relationship: "mother",
    dateOfBirth: "1993-04-30",
    preferredLanguage: "en",
    easyRead: true,
    advocateNeeded: true,
    learningDisability: true,
    notes: "Easy-read documents and extra time; her advocate Ruth Ellis attends meetings with her.",
  },
  {
    id: ids.people.pat,
    caseId: ids.cases.tyler,
    displayName: "Pat Brooks",
    relationship: "grandparent",
    dateOfBirth: "1964-09-12",
    preferredLanguage: "en",
    notes: "Maternal grandmother. Supervises some contact; an important person for Tyler.",
  },
];

const contacts: (typeof personContact.$inferInsert)[] = [
  {
    id: ids.contacts.leah,
    personId: ids.people.leah,
    address: "Flat 4, 27 Wharf Street, Eastfield EF1 3RD",
    phone: "07700 900412",
    email: "leah.morgan@example.com",
    // Separated parents never see each other's contact details (issue 4).
    hiddenFromPersonIds: [ids.people.daniel],
  },
  {
    id: ids.contacts.daniel,
    personId: ids.people.daniel,
    address: "12 Kestrel Road, Northmoor NM6 8JT",
    phone: "07700 900587",
    email: "dan.morgan@example.com",
    hiddenFromPersonIds: [ids.people.leah],
  },
  {
    id: ids.contacts.amira,
    personId: ids.people.amira,
    address: "31 Beacon Terrace, Eastfield EF3 9LA",
    phone: "07700 900233",
  },
  {
    id: ids.contacts.kerry,
    personId: ids.people.kerry,
    address: "8 Mill Lane, Westbrook WB4 1HS",
    phone: "07700 900771",
  },
];

const placements: (typeof placement.$inferInsert)[] = [
  {
    id: ids.placements.mia,
    caseId: ids.cases.mia,
    carerNames: "Helen and Mark Doyle (foster carers)",
    address: "14 Orchard Rise, Eastfield EF4 2PL",
    phone: "07700 900118",
    startDate: "2026-09-28",
  },
  {
    id: ids.placements.yasmin,
    caseId: ids.cases.yasmin,
    carerNames: "Joanne Reid (foster carer)",
    address: "3 Larch Close, Westbrook WB2 7QT",
    phone: "07700 900364",
    startDate: "2025-08-22",
  },
  {
    id: ids.placements.tyler,
    caseId: ids.cases.tyler,
    carerNames: "Carol and Steve Walsh (foster carers)",
    address: "56 Hawthorn Avenue, Northmoor NM2 5EW",
    phone: "07700 900649",
    startDate: "2024-03-18",
  },
];

// ---------------------------------------------------------------------------------------
// Record entries: Mia's draft analytical chronology, Yasmin's assessment, Tyler's decision

interface DemoEntry {
  row: Omit<typeof recordEntry.$inferInsert, "authorUserId" | "sharedBy" | "finalisedBy">;
  author: DemoAccountKey;
  body: string;
  analysis?: string;
  sharedWith?: { members: string[]; at: string; deadline: string };
  finalisedAt?: string;
}

// Shared on 20 November 2026 for two weeks: the families' review window.
const MIA_SHARED_AT = "2026-11-20T09:30:00Z";
const MIA_DEADLINE = "2026-12-04";

const entries: DemoEntry[] = [
  {
    row: {
      id: "entry-mia-1",
      caseId: ids.cases.mia,
      kind: "chronology_event",
      title: "Mia is born",
      status: "shared_for_review",
      eventDate: "2020-03-14",
      source: "Health visiting records, Eastfield Community Health",
      significance: "A good start: both parents caring for Mia well as a baby.",
      sortOrder: 1,
      reviewDeadline: MIA_DEADLINE,
    },
    author: "socialWorker",
    body: "Mia was born at Eastfield General Hospital at 39 weeks, healthy. Leah and Daniel were living together. At the new-birth visit the health visitor saw a warm, attentive start: Mia was feeding well and both parents were sharing her care.",
    analysis:
      "Both parents showed they could meet Mia's needs when things were calm. This is a strength the assessment should build on, not only a piece of history.",
    sharedWith: {
      members: [ids.members.miaLeah, ids.members.miaDaniel],
      at: MIA_SHARED_AT,
      deadline: MIA_DEADLINE,
    },
  },
  {
    row: {
      id: "entry-mia-2",
      caseId: ids.cases.mia,
      kind: "chronology_event",
      title: "Police called to an argument at the family home",
      status: "draft",
      eventDate: "2022-08-13",
      source: "Police domestic abuse notification to children's services, 14 August 2022",
      significance: "First recorded incident; Mia (2) was in the home.",
      pattern: "Conflict between Leah and Daniel",
      sortOrder: 2,
    },
    author: "socialWorker",
    body: "Neighbours called the police at about 11pm after hearing shouting. Officers recorded a verbal argument between Leah and Daniel; no injuries, no arrest. Mia was asleep upstairs. Both parents were given information about local support.",
    analysis:
      "A single incident, but the first of three police call-outs in a year (see later entries). Before sharing, check the wording with each parent separately: each remembers this night differently.",
  },
  {
    row: {
      id: "entry-mia-3",
      caseId: ids.cases.mia,
      kind: "chronology_event",
      title: "Leah and Daniel separate",
      status: "shared_for_review",
      eventDate: "2023-05-01",
      source: "Children's services contact record, 12 May 2023 (Leah's call to the front door)",
      significance: "Mia's care rests with Leah alone from here; Daniel sees her at weekends.",
      pattern: "Conflict between Leah and Daniel",
      sortOrder: 3,
      reviewDeadline: MIA_DEADLINE,
    },
    author: "socialWorker",
    body: "In May 2023 Leah and Daniel separated and Daniel left the family home at Leah's request. Mia stayed with Leah and saw Daniel most weekends.",
    analysis:
      "The separation ended the arguments Mia was seeing, which is a protective change. It also left Leah parenting alone without family nearby, which matters for the later entries.",
    sharedWith: {
      members: [ids.members.miaLeah, ids.members.miaDaniel],
      at: MIA_SHARED_AT,
      deadline: MIA_DEADLINE,
    },
  },
  {
    row: {
      id: "entry-mia-4",
      caseId: ids.cases.mia,
      kind: "chronology_event",
      title: "Leah is referred to the community mental health team",
      status: "shared_for_review",
      eventDate: "2024-02-06",
      source: "GP letter, 6 February 2024",
      significance: "Leah's low mood began to affect Mia's day-to-day care.",
      pattern: "Mia's care suffers when Leah is unwell",
      sortOrder: 4,
      reviewDeadline: MIA_DEADLINE,
    },
    author: "socialWorker",
    body: "Leah saw her GP about low mood and difficulty sleeping. The GP started medication and referred her to the community mental health team. Leah told the GP she was struggling to get Mia to nursery on time.",
    analysis:
      "Leah asked for help herself, which shows insight. This entry is about Leah's health, so it is shared with Leah only.",
    sharedWith: { members: [ids.members.miaLeah], at: MIA_SHARED_AT, deadline: MIA_DEADLINE },
  },
  {
    row: {
      id: "entry-mia-5",
      caseId: ids.cases.mia,
      kind: "chronology_event",
      title: "School raises concerns about attendance and hunger",
      status: "shared_for_review",
      eventDate: "2025-12-19",
      source: "Eastfield Primary School welfare referral, 19 December 2025",
      significance: "Mia's needs were not being met consistently at home.",
      pattern: "Mia's care suffers when Leah is unwell",
      sortOrder: 5,
      reviewDeadline: MIA_DEADLINE,
    },
    author: "socialWorker",
    body: "Mia's attendance for the autumn term was 71%. Staff noticed she often arrived without breakfast and was given toast at breakfast club. The school made a welfare referral and offered a place at breakfast club every day.",
    analysis:
      "The dip in attendance lines up with the period when Leah's mental health was worse. The pattern, not any single absence, is what the assessment needs to understand.",
    sharedWith: {
      members: [ids.members.miaLeah, ids.members.miaDaniel],
      at: MIA_SHARED_AT,
      deadline: MIA_DEADLINE,
    },
  },
  {
    row: {
      id: "entry-mia-6",
      caseId: ids.cases.mia,
      kind: "chronology_event",
      title: "Mia comes into care with Leah's agreement",
      status: "draft",
      eventDate: "2026-09-28",
      source: "Emergency duty team record; section 20 agreement signed by Leah, 28 September 2026",
      significance: "Mia accommodated while Leah receives hospital treatment.",
      pattern: "Mia's care suffers when Leah is unwell",
      sortOrder: 6,
    },
    author: "socialWorker",
    body: "Leah was admitted to hospital for treatment for her mental health. She agreed to Mia being looked after by foster carers under section 20 while she was unwell. Daniel was asked whether Mia could stay with him; his housing and work shifts meant this was not possible at short notice.",
    analysis:
      "Leah made a protective choice for Mia when she could not care for her. Whether Daniel could care for Mia in future is an open question for this assessment.",
  },
  {
    row: {
      id: ids.entries.miaPrivateNote,
      caseId: ids.cases.mia,
      kind: "case_note",
      title: "Strategy discussion with police",
      status: "finalised",
      notForFamily: true,
    },
    author: "socialWorker",
    body: "Police shared, under an information-sharing agreement, that Daniel's new partner is known to a neighbouring authority's children's services. Not for family: third-party information. Check with that authority before any overnight contact with Daniel is considered.",
    finalisedAt: "2026-11-18T16:00:00Z",
  },
  {
    row: {
      id: ids.entries.yasminSharedWithAmira,
      caseId: ids.cases.yasmin,
      kind: "assessment_section",
      title: "Amira's mental health and capacity to change",
      status: "shared_for_review",
      reviewDeadline: "2026-12-07",
    },
    author: "socialWorker",
    body: "Since May 2026 Amira has attended 11 of 12 appointments with the community mental health team, with an interpreter. Her medication has been adjusted and she reports sleeping better. Amira does not yet fully recognise how much Yasmin took on at home before she came into care.",
    analysis:
      "Sustained engagement over six months is real evidence of capacity to change. The remaining question is whether Amira can keep the household running without Yasmin's help.",
    // Three weeks rather than two: everything goes through an interpreter.
    sharedWith: {
      members: [ids.members.yasminAmira],
      at: "2026-11-16T11:00:00Z",
      deadline: "2026-12-07",
    },
  },
  {
    row: {
      id: ids.entries.yasminSharedWithYasmin,
      caseId: ids.cases.yasmin,
      kind: "assessment_section",
      title: "Your plan, Yasmin: what happens next",
      status: "shared_for_review",
      reviewDeadline: "2026-12-03",
    },
    author: "socialWorker",
    body: "Your mum has been working hard on the things in her agreement, and the social workers think going home could be possible. It will be slow: first more Saturdays, then weekends, and we will check how it is going at each step. You will not be expected to look after the house or your mum. Tell us what you think before the meeting on 3 December.",
    sharedWith: {
      members: [ids.members.yasminYoungPerson],
      at: "2026-11-19T16:30:00Z",
      deadline: "2026-12-03",
    },
  },
  {
    row: {
      id: ids.entries.tylerFinalisedWithDisagreement,
      caseId: ids.cases.tyler,
      kind: "decision_record",
      title: "Why Tyler will not be going home",
      status: "finalised",
      reviewDeadline: "2026-03-02",
    },
    author: "socialWorker",
    body: "Tyler went home in September 2023 and came back into care in March 2024. Since July 2025 the risks have not changed: Wayne has kept coming to the house, and the home has not been safe for Tyler. Kerry loves Tyler and he loves her; that has never been in doubt. But Tyler needs a settled home now, so the plan is for him to stay with Carol and Steve as he grows up, and keep seeing his mum and his nan.",
    analysis:
      "Six months at high without the risk factors being addressed: the case moved to severe (framework time rules, no drift). Kerry's warmth and Pat's support are real strengths for contact.",
    // A longer window for a parent with a learning disability: four weeks, with her advocate.
    sharedWith: {
      members: [ids.members.tylerKerry],
      at: "2026-02-02T10:00:00Z",
      deadline: "2026-03-02",
    },
    finalisedAt: "2026-03-04T12:00:00Z",
  },
  {
    row: {
      id: ids.entries.tylerMinutes,
      caseId: ids.cases.tyler,
      kind: "meeting_minutes",
      title: "Permanence planning meeting, 16 February 2026",
      status: "finalised",
      reviewDeadline: "2026-03-16",
    },
    author: "coWorker",
    body: "Present: Kerry Brooks with Ruth Ellis (advocate), Pat Brooks, Sarah Okafor, Tom Price, Carol Walsh. Agreed: Tyler to stay with Carol and Steve long term; contact with Kerry every other Saturday at the family centre; contact with Pat once a month.",
    sharedWith: {
      members: [ids.members.tylerKerry],
      at: "2026-02-17T09:00:00Z",
      deadline: "2026-03-16",
    },
    finalisedAt: "2026-03-17T09:00:00Z",
  },
  {
    row: {
      id: ids.entries.tylerCorrection,
      caseId: ids.cases.tyler,
      kind: "meeting_minutes",
      title: "Permanence planning meeting, 16 February 2026 (correction)",
      status: "draft",
      supersedesEntryId: ids.entries.tylerMinutes,
    },
    author: "coWorker",
    body: "Correction to the finalised minutes: contact with Pat was agreed as twice a month, not once a month. Everything else in the minutes stands.",
  },
];

const responses = (u: UserIds): (typeof familyResponse.$inferInsert)[] => [
  {
    id: ids.responses.danielCorrection,
    entryId: "entry-mia-3",
    versionNumber: 1,
    authorMemberId: ids.members.miaDaniel,
    kind: "correction",
    anchorText:
      "In May 2023 Leah and Daniel separated and Daniel left the family home at Leah's request.",
    body: "I moved out on 15 April 2023, the week after Easter, and it was a joint decision - I was not asked to leave. I can show the tenancy letter from my sister's flat.",
    proposedText: "In April 2023 Leah and Daniel agreed to separate and Daniel moved out.",
    status: "open",
  },
  {
    id: ids.responses.leahComment,
    entryId: "entry-mia-5",
    versionNumber: 1,
    authorMemberId: ids.members.miaLeah,
    kind: "comment",
    anchorText: "Mia's attendance for the autumn term was 71%.",
    body: "Mia had chickenpox for nearly two weeks in October, which is a lot of that. I rang the school office every day she was off.",
    status: "open",
  },
  {
    id: ids.responses.amiraDisagreement,
    entryId: ids.entries.yasminSharedWithAmira,
    versionNumber: 1,
    // Typed by the interpreter as Amira said it: attributed "on behalf of" (issue 4).
    authorMemberId: ids.members.yasminInterpreter,
    onBehalfOfMemberId: ids.members.yasminAmira,
    kind: "disagreement",
    anchorText:
      "Amira does not yet fully recognise how much Yasmin took on at home before she came into care.",
    body: "I do recognise it. I told Sarah in September that Yasmin was doing too much at home and that this was my fault, not hers. I want the record to say that I said this.",
    status: "open",
  },
  {
    id: ids.responses.kerryDisagreement,
    entryId: ids.entries.tylerFinalisedWithDisagreement,
    versionNumber: 1,
    authorMemberId: ids.members.tylerAdvocate,
    onBehalfOfMemberId: ids.members.tylerKerry,
    kind: "disagreement",
    anchorText: "Since July 2025 the risks have not changed",
    body: "Kerry says she has stopped seeing Wayne since Christmas and has changed her phone number. She thinks she was not given enough time, and she wants Tyler to know she tried.",
    status: "noted",
    practitionerReply:
      "Thank you, Kerry. I have noted your view. It stays with this record wherever it is shown, and Tyler will be able to read it when he reads his file.",
    repliedBy: u.socialWorker,
    repliedAt: at("2026-02-27T15:20:00Z"),
  },
];

// ---------------------------------------------------------------------------------------
// Assessment: factors, capacity evidence, risk reviews and decisions

interface DemoFactor {
  id: string;
  caseId: string;
  factorId: FactorId;
  present: boolean;
  severity?: string;
  notes: string;
  evidence?: string;
}

const factors: DemoFactor[] = [
  // Yasmin: medium, working on an agreement.
  {
    id: "factor-yasmin-1",
    caseId: ids.cases.yasmin,
    factorId: "parental_mental_health_difficulties",
    present: true,
    severity: "significant, improving",
    notes: "Depression after fleeing Syria; untreated until 2025. Now engaging with treatment.",
    evidence: "CMHT letters, May and October 2026",
  },
  {
    id: "factor-yasmin-2",
    caseId: ids.cases.yasmin,
    factorId: "neglect",
    present: true,
    severity: "moderate",
    notes: "Yasmin ran the household and missed school while Amira was unwell.",
    evidence: "School attendance 58% in summer term 2025; Yasmin's own account",
  },
  {
    id: "factor-yasmin-3",
    caseId: ids.cases.yasmin,
    factorId: "social_isolation",
    present: true,
    severity: "moderate",
    notes: "Few contacts outside the home; little English; no family in England.",
  },
  {
    id: "factor-yasmin-4",
    caseId: ids.cases.yasmin,
    factorId: "older_child_11_to_14",
    present: true,
    notes: "Yasmin is 14: returns at this age break down more often, so the return is staged.",
  },
  {
    id: "factor-yasmin-5",
    caseId: ids.cases.yasmin,
    factorId: "willingness_to_engage",
    present: true,
    notes: "Amira has attended every meeting and asked for more help than was first offered.",
  },
  {
    id: "factor-yasmin-6",
    caseId: ids.cases.yasmin,
    factorId: "mental_disorder_responsive_to_treatment",
    present: true,
    notes: "Clear improvement since the medication change in June 2026.",
    evidence: "CMHT review letter, 14 October 2026",
  },
  {
    id: "factor-yasmin-7",
    caseId: ids.cases.yasmin,
    factorId: "normal_attachment",
    present: true,
    notes: "Warm, affectionate contact; Yasmin wants to go home.",
  },
  // Tyler: severe, permanence away from home.
  {
    id: "factor-tyler-1",
    caseId: ids.cases.tyler,
    factorId: "neglect",
    present: true,
    severity: "severe",
    notes: "Chronic neglect before both periods in care: home conditions, missed health care.",
  },
  {
    id: "factor-tyler-2",
    caseId: ids.cases.tyler,
    factorId: "high_continuing_perpetrator_access",
    present: true,
    severity: "severe",
    notes: "Wayne, who assaulted Kerry in front of Tyler, kept visiting the home in 2025.",
    evidence: "Police call-outs August and November 2025",
  },
  {
    id: "factor-tyler-3",
    caseId: ids.cases.tyler,
    factorId: "inter_parental_conflict_and_violence",
    present: true,
    severity: "severe",
    notes: "Domestic abuse by Kerry's ex-partner, witnessed by Tyler.",
  },
  {
    id: "factor-tyler-4",
    caseId: ids.cases.tyler,
    factorId: "previous_failed_return",
    present: true,
    notes: "Returned home September 2023; back in care March 2024.",
  },
  {
    id: "factor-tyler-5",
    caseId: ids.cases.tyler,
    factorId: "parental_change_not_sustained",
    present: true,
    notes: "Kerry made changes during the parenting course but could not keep them going.",
  },
  {
    id: "factor-tyler-6",
    caseId: ids.cases.tyler,
    factorId: "supportive_extended_family",
    present: true,
    notes: "Pat (maternal grandmother) is reliable and supervises some contact.",
  },
  {
    id: "factor-tyler-7",
    caseId: ids.cases.tyler,
    factorId: "normal_attachment",
    present: true,
    notes: "Tyler and Kerry are close; contact is warm when it happens.",
  },
];

const capacity = (u: UserIds): (typeof capacityEvidence.$inferInsert)[] => [
  {
    id: "capacity-yasmin-1",
    caseId: ids.cases.yasmin,
    personId: ids.people.amira,
    summary: "Attended 11 of 12 mental health appointments since May 2026",
    evidence: "Attendance letter from the community mental health team, 14 October 2026",
    demonstratesChange: true,
    recordedBy: u.socialWorker,
  },
  {
    id: "capacity-yasmin-2",
    caseId: ids.cases.yasmin,
    personId: ids.people.amira,
    summary: "Kept Yasmin's Saturday visits going every week since June, on time",
    evidence: "Foster carer's contact log",
    demonstratesChange: true,
    recordedBy: u.coWorker,
  },
  {
    id: "capacity-tyler-1",
    caseId: ids.cases.tyler,
    personId: ids.people.kerry,
    summary: "Completed an adapted parenting course, but could not use it at contact",
    evidence: "Course certificate (June 2025); contact supervisors' notes, July-October 2025",
    demonstratesChange: false,
    recordedBy: u.socialWorker,
  },
  {
    id: "capacity-tyler-2",
    caseId: ids.cases.tyler,
    personId: ids.people.kerry,
    summary: "Let Wayne back into the home in November 2025, against the agreement",
    evidence: "Police call-out, 22 November 2025",
    demonstratesChange: false,
    recordedBy: u.socialWorker,
  },
];

type ReviewRow = typeof riskReview.$inferInsert;
type Evidence = Pick<
  ReviewRow,
  "agreedRiskFactors" | "agreedProtectiveFactors" | "agreedCapacityToChange"
>;

/**
 * Agreed reviews whose levels follow the framework's time rules (checked by demo.test.ts
 * with `assessRisk`): Yasmin high, improving from November 2025, medium six months later;
 * Tyler high in July 2025, severe by drift six months on.
 */
const reviews = (u: UserIds): ReviewRow[] => {
  const agreed = (
    id: string,
    caseId: string,
    reviewDate: string,
    point: ReviewRow["point"],
    evidence: Evidence,
    level: ReviewRow["agreedLevel"],
    rationale: string,
  ): ReviewRow => ({
    id,
    caseId,
    reviewDate,
    point,
    status: "agreed",
    ...evidence,
    agreedLevel: level,
    agreedRationale: rationale,
    agreedBy: u.socialWorker,
    agreedAt: at(`${reviewDate}T15:00:00Z`),
  });
  return [
    agreed(
      ids.riskReviews.yasminOnEntry,
      ids.cases.yasmin,
      "2025-09-01",
      "review",
      {
        agreedRiskFactors: "not_addressed",
        agreedProtectiveFactors: true,
        agreedCapacityToChange: false,
      },
      "high",
      "Initial view when Yasmin came into care: Amira untreated and isolated; a warm relationship with Yasmin.",
    ),
    agreed(
      ids.riskReviews.yasminClassification1,
      ids.cases.yasmin,
      "2025-11-10",
      "classification_1",
      {
        agreedRiskFactors: "being_addressed",
        agreedProtectiveFactors: true,
        agreedCapacityToChange: true,
      },
      "high",
      "Amira has started treatment and is engaging. The table reads medium, but the improvement is new: it must hold for six months before the level steps down.",
    ),
    agreed(
      ids.riskReviews.yasminClassification2,
      ids.cases.yasmin,
      "2026-05-11",
      "classification_2",
      {
        agreedRiskFactors: "being_addressed",
        agreedProtectiveFactors: true,
        agreedCapacityToChange: true,
      },
      "medium",
      "Six months of sustained engagement with treatment and with Yasmin's visits. Risk factors not all addressed yet: medium; reunification can be considered.",
    ),
    agreed(
      ids.riskReviews.tylerClassification1,
      ids.cases.tyler,
      "2025-07-14",
      "classification_1",
      {
        agreedRiskFactors: "not_addressed",
        agreedProtectiveFactors: true,
        agreedCapacityToChange: false,
      },
      "high",
      "Wayne still visits; home conditions poor. Kerry's warmth and Pat's support are protective. No reunification now.",
    ),
    agreed(
      ids.riskReviews.tylerDrift,
      ids.cases.tyler,
      "2026-01-19",
      "review",
      {
        agreedRiskFactors: "not_addressed",
        agreedProtectiveFactors: true,
        agreedCapacityToChange: false,
      },
      "severe",
      "Six months at high without the risk factors being addressed (high since 14 July 2025): severe under the no-drift rule. Plan permanence away from home.",
    ),
  ];
};

const classifications = (u: UserIds): (typeof riskClassification.$inferInsert)[] => [
  {
    id: "classification-yasmin-0-sw",
    reviewId: ids.riskReviews.yasminOnEntry,
    practitionerUserId: u.socialWorker,
    riskFactors: "not_addressed",
    protectiveFactors: true,
    capacityToChange: false,
    level: "high",
    rationale: "No treatment yet; Amira isolated; Yasmin was running the home.",
    submittedAt: at("2025-08-29T12:00:00Z"),
  },
  {
    id: "classification-yasmin-0-cw",
    reviewId: ids.riskReviews.yasminOnEntry,
    practitionerUserId: u.coWorker,
    riskFactors: "not_addressed",
    protectiveFactors: true,
    capacityToChange: false,
    level: "high",
    rationale: "Strong bond, but nothing has changed yet at home.",
    submittedAt: at("2025-08-30T09:00:00Z"),
  },
  {
    id: "classification-yasmin-1-sw",
    reviewId: ids.riskReviews.yasminClassification1,
    practitionerUserId: u.socialWorker,
    riskFactors: "being_addressed",
    protectiveFactors: true,
    capacityToChange: false,
    level: "high",
    rationale: "Amira has started treatment, but it is too early to call it demonstrated change.",
    submittedAt: at("2025-11-06T16:00:00Z"),
  },
  {
    id: "classification-yasmin-1-cw",
    reviewId: ids.riskReviews.yasminClassification1,
    practitionerUserId: u.coWorker,
    riskFactors: "being_addressed",
    protectiveFactors: true,
    capacityToChange: true,
    level: "medium",
    rationale: "Amira is engaging well with every service offered: capacity is there.",
    submittedAt: at("2025-11-07T10:30:00Z"),
  },
  {
    id: "classification-yasmin-2-sw",
    reviewId: ids.riskReviews.yasminClassification2,
    practitionerUserId: u.socialWorker,
    riskFactors: "being_addressed",
    protectiveFactors: true,
    capacityToChange: true,
    level: "medium",
    rationale: "Six months of sustained engagement; home not yet ready.",
    submittedAt: at("2026-05-07T14:00:00Z"),
  },
  {
    id: "classification-yasmin-2-cw",
    reviewId: ids.riskReviews.yasminClassification2,
    practitionerUserId: u.coWorker,
    riskFactors: "being_addressed",
    protectiveFactors: true,
    capacityToChange: true,
    level: "medium",
    rationale: "Change has held since November; agreement goals should focus on the home.",
    submittedAt: at("2026-05-08T11:00:00Z"),
  },
  {
    id: "classification-tyler-1-sw",
    reviewId: ids.riskReviews.tylerClassification1,
    practitionerUserId: u.socialWorker,
    riskFactors: "not_addressed",
    protectiveFactors: true,
    capacityToChange: false,
    level: "high",
    rationale: "Wayne still visiting; Kerry does not see the risk he poses.",
    submittedAt: at("2025-07-10T13:00:00Z"),
  },
  {
    id: "classification-tyler-1-cw",
    reviewId: ids.riskReviews.tylerClassification1,
    practitionerUserId: u.coWorker,
    riskFactors: "not_addressed",
    protectiveFactors: true,
    capacityToChange: false,
    level: "high",
    rationale: "Course completed but nothing changed at home; Pat is a real strength.",
    submittedAt: at("2025-07-11T09:30:00Z"),
  },
  {
    id: "classification-tyler-2-sw",
    reviewId: ids.riskReviews.tylerDrift,
    practitionerUserId: u.socialWorker,
    riskFactors: "not_addressed",
    protectiveFactors: true,
    capacityToChange: false,
    level: "severe",
    rationale: "High for six months with no change; the November call-out confirms it.",
    submittedAt: at("2026-01-15T10:00:00Z"),
  },
  {
    id: "classification-tyler-2-cw",
    reviewId: ids.riskReviews.tylerDrift,
    practitionerUserId: u.coWorker,
    riskFactors: "not_addressed",
    protectiveFactors: true,
    capacityToChange: false,
    level: "severe",
    rationale: "No drift: six months without addressing the risk factors.",
    submittedAt: at("2026-01-16T15:00:00Z"),
  },
];

const decisions = (u: UserIds): (typeof decision.$inferInsert)[] => {
  const made = (day: string) => ({
    decidedBy: u.socialWorker,
    decidedAt: at(`${day}T14:00:00Z`),
    signedOffBy: u.teamManager,
    signedOffAt: at(`${day}T17:00:00Z`),
  });
  return [
    {
      id: ids.decisions.mia1,
      caseId: ids.cases.mia,
      point: "decision_1",
      outcome: "Consider return home: start the return home assessment",
      reasons:
        "Mia is accommodated under section 20 while Leah is treated in hospital. Leah and Daniel both want Mia home. Assessment within twelve weeks, starting with an independent file read.",
      familyExplanation:
        "We are going to look carefully at whether Mia can go home, and who with. We will write down what has happened so far and show it to you both, so you can check it and tell us if anything is wrong.",
      ...made("2026-10-05"),
    },
    {
      id: ids.decisions.yasmin1,
      caseId: ids.cases.yasmin,
      point: "decision_1",
      outcome: "Consider return home: start the return home assessment",
      reasons:
        "Yasmin wants to go home and Amira wants her home. The reasons for care (Amira's untreated depression, Yasmin running the home) may be changeable.",
      familyExplanation:
        "We will look at whether Yasmin can go home. An interpreter will be at every meeting, and we will explain each step of the process as we go.",
      ...made("2025-09-08"),
    },
    {
      id: ids.decisions.yasmin2,
      caseId: ids.cases.yasmin,
      point: "decision_2",
      outcome: "Return home not possible yet: review after six months of sustained change",
      reasons:
        "Risk classification 1 agreed high. Amira has begun treatment, but the change needs to hold for six months before the level can step down.",
      familyExplanation:
        "Amira, you have started treatment and come to every meeting - that matters. Yasmin cannot come home yet because the changes are new. If they last, we will look again in May.",
      ...made("2025-11-17"),
    },
    {
      id: ids.decisions.tyler1,
      caseId: ids.cases.tyler,
      point: "decision_1",
      outcome: "Consider return home: start the return home assessment",
      reasons:
        "Tyler has been in care since March 2024 after a failed return. Kerry asked for Tyler to come home and has started an adapted parenting course.",
      familyExplanation:
        "We will look again at whether Tyler can go home. Ruth can come to the meetings with you, and we will give you everything in easy read.",
      ...made("2025-04-28"),
    },
    {
      id: ids.decisions.tyler2,
      caseId: ids.cases.tyler,
      point: "decision_2",
      outcome: "return home not possible",
      reasons:
        "Risk classification 1 agreed high (14 July 2025): Wayne continues to visit the home and home conditions remain poor. Tyler has already experienced one failed return.",
      familyExplanation:
        "Kerry, you love Tyler and he loves you, and you finished the parenting course. But Wayne still comes to the house, and that is not safe for Tyler. Tyler cannot come home now. If Wayne stops coming and things change at home, we will look again in January. If nothing changes, we will have to plan for Tyler to grow up with Carol and Steve.",
      ...made("2025-07-21"),
    },
    {
      id: ids.decisions.tylerPanel,
      caseId: ids.cases.tyler,
      point: "permanence_panel",
      outcome: "Long-term fostering with Carol and Steve Walsh",
      reasons:
        "Severe since January 2026 under the no-drift rule. Tyler is settled with his carers, who want him to stay. Contact with Kerry and Pat continues.",
      familyExplanation:
        "Tyler will grow up with Carol and Steve. He will keep seeing you, Kerry, every other Saturday, and his nan twice a month. This is not because you did not try.",
      ...made("2026-03-09"),
    },
  ];
};

// ---------------------------------------------------------------------------------------
// Yasmin's parental agreement

const agreementRows = (u: UserIds) => ({
  agreement: {
    id: ids.agreement,
    caseId: ids.cases.yasmin,
    title: "Agreement between Amira Haddad and Demo Borough Council",
    status: "published",
    riskFactorsSummary:
      "Amira's depression, which went untreated for a long time; Yasmin taking on the running of the home and missing school; Amira having few people to turn to.",
    protectiveFactorsSummary:
      "A close, loving relationship between Amira and Yasmin; Amira's willingness to work with everyone; her good response to treatment.",
    publishedAt: at("2026-06-01T10:00:00Z"),
    publishedBy: u.socialWorker,
    reviewDate: "2026-12-03",
  } satisfies typeof parentalAgreement.$inferInsert,
  goals: [
    {
      id: "goal-yasmin-1",
      agreementId: ids.agreement,
      factorIds: ["parental_mental_health_difficulties"],
      changeNeeded: "Amira keeps up her treatment for depression.",
      measure:
        "Amira goes to at least 10 of her 12 fortnightly appointments and takes her medication.",
      evidenceExpected:
        "A letter from the community mental health team about attendance and progress.",
      dueDate: "2026-10-31",
      supportOffered: "An interpreter at every appointment; a bus pass for the journey.",
      consequence:
        "If treatment stops, Yasmin's visits home will not increase and the plan will be reviewed at the next risk classification.",
      status: "achieved",
      sortOrder: 1,
    },
    {
      id: "goal-yasmin-2",
      agreementId: ids.agreement,
      factorIds: ["neglect"],
      changeNeeded:
        "The home is ready for Yasmin, and Amira runs it without Yasmin's help: meals, shopping, bills.",
      measure:
        "Yasmin has her own dry, safe bedroom; at four unannounced visits the home is clean and there is food in.",
      evidenceExpected: "Social worker visit notes; the housing officer's report on the damp.",
      dueDate: "2027-01-15",
      supportOffered: "A family support worker twice a week; help to get the damp repaired.",
      consequence: "Weekend stays will not start until the home is ready for Yasmin.",
      status: "in_progress",
      sortOrder: 2,
    },
    {
      id: "goal-yasmin-3",
      agreementId: ids.agreement,
      factorIds: ["social_isolation"],
      changeNeeded: "Amira has people she can turn to, so that Yasmin is not her only support.",
      measure:
        "Amira goes to the Arabic-speaking women's group most weeks and can name two adults she would call in a crisis.",
      evidenceExpected:
        "The group leader's note of attendance; the two names, with their agreement.",
      dueDate: "2027-02-28",
      supportOffered: "An introduction to the group by the family support worker; English classes.",
      consequence:
        "Without a support network the return would rely on Yasmin again, and it will not go ahead.",
      status: "in_progress",
      sortOrder: 3,
    },
  ] satisfies (typeof agreementGoal.$inferInsert & { factorIds: FactorId[] })[],
  progress: [
    {
      id: "progress-yasmin-1",
      goalId: "goal-yasmin-1",
      authorUserId: u.socialWorker,
      note: "Letter received: Amira has attended 11 of 12 appointments. Goal achieved.",
      evidence: "CMHT letter dated 14 October 2026",
      createdAt: at("2026-10-20T10:00:00Z"),
    },
    {
      id: "progress-yasmin-2",
      goalId: "goal-yasmin-2",
      authorUserId: u.socialWorker,
      note: "Unannounced visit: home tidy, fridge stocked. Yasmin's room still damp.",
      createdAt: at("2026-11-05T15:30:00Z"),
    },
    {
      id: "progress-yasmin-3",
      goalId: "goal-yasmin-3",
      authorUserId: u.arabicParent,
      authorMemberId: ids.members.yasminAmira,
      note: "I went to the women's group four times in October. Samira from the group said I can call her.",
      evidence: "Photo of the group's October timetable",
      createdAt: at("2026-11-02T18:45:00Z"),
    },
    {
      id: "progress-yasmin-4",
      goalId: "goal-yasmin-2",
      // Amira wrote this herself (interpreters help people respond to records, no more).
      authorUserId: u.arabicParent,
      authorMemberId: ids.members.yasminAmira,
      note: "I have bought a new bed and a desk for Yasmin's room.",
      createdAt: at("2026-11-12T12:10:00Z"),
    },
  ] satisfies (typeof goalProgress.$inferInsert)[],
  supports: [
    {
      id: "support-yasmin-1",
      agreementId: ids.agreement,
      service: "Arabic interpreter for all meetings and health appointments",
      provider: "Demo Borough Council interpreting service",
      startDate: "2026-05-20",
      status: "delivered",
    },
    {
      id: "support-yasmin-2",
      agreementId: ids.agreement,
      service: "Family therapy for Amira and Yasmin, fortnightly",
      provider: "Eastfield Family Therapy Service",
      startDate: "2026-07-07",
      status: "started",
    },
    {
      id: ids.flaggedSupport,
      agreementId: ids.agreement,
      service: "Housing repair: damp in Yasmin's bedroom",
      provider: "Eastfield Homes",
      startDate: "2026-07-01",
      status: "not_delivered",
      familyFlaggedAt: at("2026-11-10T09:05:00Z"),
      familyFlaggedBy: ids.members.yasminAmira,
      familyFlagNote:
        "Nobody has come about the damp in Yasmin's room. I have called three times since September.",
    },
  ] satisfies (typeof agreementSupport.$inferInsert)[],
  acknowledgement: {
    id: ids.acknowledgement,
    agreementId: ids.agreement,
    memberId: ids.members.yasminAmira,
    agreementVersion: 1,
    acknowledgedAt: at("2026-06-04T11:20:00Z"),
  } satisfies typeof agreementAcknowledgement.$inferInsert,
});

// ---------------------------------------------------------------------------------------
// Meetings, views and wishes, plans

const meetings: (typeof meeting.$inferInsert)[] = [
  {
    id: ids.meetings.yasminReview,
    caseId: ids.cases.yasmin,
    type: "review",
    // 10:00 Europe/London (GMT in December).
    startsAt: at("2026-12-03T10:00:00Z"),
    endsAt: at("2026-12-03T11:30:00Z"),
    place: "Eastfield Family Centre, Room 2",
    purpose: "Review the parental agreement and plan Yasmin's first weekend stays at home.",
  },
  {
    id: ids.meetings.miaPlanning,
    caseId: ids.cases.mia,
    type: "planning",
    startsAt: at("2026-12-09T10:00:00Z"),
    endsAt: at("2026-12-09T11:00:00Z"),
    place: "Eastfield Family Centre, Room 1",
    purpose: "Go through the chronology with Leah after the review period and plan the assessment.",
  },
  {
    id: ids.meetings.tylerPermanence,
    caseId: ids.cases.tyler,
    type: "planning",
    startsAt: at("2026-02-16T13:30:00Z"),
    endsAt: at("2026-02-16T15:00:00Z"),
    place: "Northmoor Children's Services, Meeting Room B",
    purpose: "Plan Tyler's long-term home and his contact with his mum and nan.",
    minutesEntryId: ids.entries.tylerMinutes,
  },
];

const attendees: (typeof meetingAttendee.$inferInsert)[] = [
  {
    meetingId: ids.meetings.yasminReview,
    name: "Amira Haddad",
    role: "mother",
    memberId: ids.members.yasminAmira,
  },
  {
    meetingId: ids.meetings.yasminReview,
    name: "Yusuf Karim",
    role: "interpreter (Arabic)",
    memberId: ids.members.yasminInterpreter,
  },
  {
    meetingId: ids.meetings.yasminReview,
    name: "Yasmin Haddad",
    role: "young person (first half)",
    memberId: ids.members.yasminYoungPerson,
  },
  {
    meetingId: ids.meetings.yasminReview,
    name: "Sarah Okafor",
    role: "social worker",
    memberId: ids.members.yasminSocialWorker,
  },
  { meetingId: ids.meetings.yasminReview, name: "Joanne Reid", role: "foster carer" },
  { meetingId: ids.meetings.yasminReview, name: "Nadia Fraser", role: "family support worker" },
  {
    meetingId: ids.meetings.miaPlanning,
    name: "Leah Morgan",
    role: "mother",
    memberId: ids.members.miaLeah,
  },
  {
    meetingId: ids.meetings.miaPlanning,
    name: "Sarah Okafor",
    role: "social worker",
    memberId: ids.members.miaSocialWorker,
  },
  {
    meetingId: ids.meetings.tylerPermanence,
    name: "Kerry Brooks",
    role: "mother",
    memberId: ids.members.tylerKerry,
  },
  {
    meetingId: ids.meetings.tylerPermanence,
    name: "Ruth Ellis",
    role: "advocate for Kerry",
    memberId: ids.members.tylerAdvocate,
  },
  { meetingId: ids.meetings.tylerPermanence, name: "Pat Brooks", role: "grandmother" },
  {
    meetingId: ids.meetings.tylerPermanence,
    name: "Sarah Okafor",
    role: "social worker",
    memberId: ids.members.tylerSocialWorker,
  },
  {
    meetingId: ids.meetings.tylerPermanence,
    name: "Tom Price",
    role: "co-worker",
    memberId: ids.members.tylerCoWorker,
  },
  { meetingId: ids.meetings.tylerPermanence, name: "Carol Walsh", role: "foster carer" },
];

const views = (u: UserIds): (typeof viewsAndWishes.$inferInsert)[] => [
  {
    id: ids.wishes.yasminPrivate,
    caseId: ids.cases.yasmin,
    authorMemberId: ids.members.yasminYoungPerson,
    kind: "young_person_wishes",
    meetingId: ids.meetings.yasminReview,
    goingWell:
      "School is better and I have friends in Year 10. Saturdays with Mum are good now she is less tired.",
    worries:
      "That if I go home I will have to look after everything again. I don't want Mum to know I said this.",
    wants: "To go home, but slowly. Weekends first.",
    wantsWhen: "After Christmas, maybe by Easter.",
    trustedPerson: "Joanne (my foster carer) and Mrs Akhtar at school",
    sharing: "social_worker_only",
    status: "submitted",
    submittedAt: at("2026-11-12T19:40:00Z"),
    practitionerReply:
      "Thank you, Yasmin. I won't share this with your mum. The plan will say clearly that running the house is not your job - that's what the support for Mum is for. Let's talk about weekends on Thursday.",
    repliedBy: u.socialWorker,
    repliedAt: at("2026-11-13T09:15:00Z"),
  },
  {
    id: ids.wishes.yasminShared,
    caseId: ids.cases.yasmin,
    authorMemberId: ids.members.yasminYoungPerson,
    kind: "young_person_wishes",
    meetingId: ids.meetings.yasminReview,
    goingWell: "I like our Saturdays, especially cooking together.",
    wants: "I want Mum to come to my parents' evening on 10 December.",
    wantsWhen: "10 December",
    sharing: "shared_with_parents",
    status: "submitted",
    submittedAt: at("2026-11-14T17:05:00Z"),
  },
  {
    id: ids.wishes.amiraViews,
    caseId: ids.cases.yasmin,
    // Written by Amira, with her interpreter beside her in the meeting room.
    authorMemberId: ids.members.yasminAmira,
    kind: "parent_views",
    meetingId: ids.meetings.yasminReview,
    goingWell:
      "I am sleeping and I go to the women's group. Yasmin and I cook together on Saturdays.",
    worries: "The damp in Yasmin's room. Nobody from housing has come.",
    wants: "Yasmin to stay at home for a weekend before Christmas.",
    wantsWhen: "December",
    sharing: "social_worker_only",
    status: "draft",
  },
];

const plans: (typeof plan.$inferInsert)[] = [
  {
    id: ids.plans.yasminReunification,
    caseId: ids.cases.yasmin,
    kind: "reunification",
    status: "draft",
    timescale: "Staged return between January and April 2027",
    summary:
      "Saturdays continue; overnight stays from January once the damp is fixed; weekends from February; return home by Easter if each step goes well. Support continues for at least six months after the return and steps down gradually.",
    reviewPoints: [
      { date: "2026-12-03", what: "Review of the agreement; decide on first overnight stays" },
      { date: "2027-02-01", what: "Risk classification 3 planning; weekend stays reviewed" },
      { date: "2027-04-06", what: "Decision on the return home" },
    ],
    roles: [
      { who: "Sarah Okafor", role: "Social worker: coordinates the plan, visits fortnightly" },
      { who: "Nadia Fraser", role: "Family support worker: home routines, twice a week" },
      { who: "Joanne Reid", role: "Foster carer: supports each visit home, reports how it went" },
      { who: "Yusuf Karim", role: "Interpreter: all meetings and appointments" },
    ],
  },
  {
    id: ids.plans.tylerPermanence,
    caseId: ids.cases.tyler,
    kind: "alternative_permanence",
    status: "active",
    timescale:
      "Long-term fostering match confirmed by 30 June 2026; reviewed at each looked after review",
    summary:
      "Tyler stays with Carol and Steve Walsh as he grows up. Life story work helps him understand why, including what his mum did well.",
    reviewPoints: [
      { date: "2026-06-30", what: "Long-term match confirmed at fostering panel" },
      { date: "2026-12-14", what: "Looked after review" },
    ],
    roles: [
      { who: "Sarah Okafor", role: "Social worker: life story work with Tyler" },
      { who: "Carol and Steve Walsh", role: "Foster carers: Tyler's long-term home" },
      { who: "Ruth Ellis", role: "Advocate: supports Kerry to take part in reviews" },
    ],
  },
  {
    id: ids.plans.tylerContact,
    caseId: ids.cases.tyler,
    kind: "contact",
    status: "active",
    timescale: "Reviewed every six months",
    summary:
      "Tyler sees his mum Kerry every other Saturday, 10:00-12:00, at Eastfield Family Centre, supervised. A video call with Kerry every Wednesday at 17:30. Tyler sees his nan Pat twice a month at her home, supervised by Pat's agreement. Birthday and Christmas cards through the social worker. Contact is never stopped abruptly: any change is explained to Tyler first.",
    reviewPoints: [
      { date: "2026-08-17", what: "Contact review" },
      { date: "2027-02-15", what: "Contact review" },
    ],
    roles: [
      { who: "Eastfield Family Centre", role: "Supervises Saturday contact" },
      { who: "Pat Brooks", role: "Grandmother: hosts her own contact" },
      { who: "Carol Walsh", role: "Foster carer: brings Tyler and sets up the video calls" },
    ],
  },
];

const planServices: (typeof planService.$inferInsert)[] = [
  {
    id: "service-tyler-1",
    planId: ids.plans.tylerContact,
    service: "Supervised contact, every other Saturday",
    provider: "Eastfield Family Centre",
    status: "started",
    startDate: "2026-03-14",
  },
  {
    id: "service-tyler-2",
    planId: ids.plans.tylerPermanence,
    service: "Life story work",
    provider: "Demo Borough Council children's services",
    status: "started",
    startDate: "2026-04-20",
  },
  {
    id: "service-tyler-3",
    planId: ids.plans.tylerPermanence,
    service: "Therapeutic support for Tyler",
    provider: "Northmoor CAMHS",
    status: "planned",
  },
  {
    id: "service-yasmin-1",
    planId: ids.plans.yasminReunification,
    service: "Family support worker, twice a week",
    provider: "Demo Borough Council family support",
    status: "started",
    startDate: "2026-06-08",
  },
];

// ---------------------------------------------------------------------------------------
// Seeding

/** Seeds the demo once; a database that already has users is left as it is. */
export async function seedDemoData(
  db: Database,
  createAccount: DemoAccountFactory,
): Promise<boolean> {
  const [existing] = await db.select({ n: count() }).from(user);
  if ((existing?.n ?? 0) > 0) return false;

  await db.insert(authority).values({ id: "authority-demo", name: "Demo Borough Council" });
  await db
    .insert(team)
    .values({ id: "team-demo", authorityId: "authority-demo", name: "Reunification Team" });

  const userIds = {} as UserIds;
  for (const account of demoAccounts) {
    userIds[account.key] = await createAccount(account);
  }
  for (const [key, role] of Object.entries(teamStaff)) {
    await db
      .insert(staffMembership)
      .values({ userId: userIds[key as DemoAccountKey], teamId: "team-demo", role });
  }
  // The record in one transaction, so a failed seed leaves no half-built case behind.
  await db.transaction((tx) => seedCaseRecord(tx, userIds));
  await seedDemoIntegration(db);
  await seedDemoRecordReview(db);
  await seedDemoConfidentialDetails(db);
  await seedDemoPlans(db);
  await seedDemoEasyRead(db, userIds.socialWorker);
  await seedDemoCohort(db, userIds.teamManager);
  return true;
}

async function seedCaseRecord(db: Pick<Database, "insert">, u: UserIds): Promise<void> {
  await db.insert(childCase).values(
    demoCases.map(({ members: _members, ...row }) => ({
      ...row,
      authorityId: "authority-demo",
      teamId: "team-demo",
    })),
  );
  await db.insert(casePerson).values(people);
  await db.insert(personContact).values(contacts);
  await db.insert(caseMember).values(
    demoCases.flatMap((demoCase) =>
      demoCase.members.map((member) => ({
        id: `${demoCase.id}-${member.account}`,
        caseId: demoCase.id,
        userId: u[member.account],
        role: member.role,
        relationship: member.relationship ?? null,
        actingForMemberId: member.actingFor ? `${demoCase.id}-${member.actingFor}` : null,
        language: member.language ?? null,
        personId: member.person ?? null,
        // Everyone has been on the demo cases since before the first recorded event.
        activeFrom: at("2025-01-01T00:00:00Z"),
        ...(member.access && {
          activeFrom: at(member.access.consentRecordedAt),
          activeUntil: at(member.access.activeUntil),
          consentRecordedAt: at(member.access.consentRecordedAt),
          consentRecordedBy: u[member.access.consentRecordedBy],
          grantedBy: u[member.access.grantedBy],
          permissions: member.access.permissions,
        }),
      })),
    ),
  );
  await db.insert(placement).values(placements);

  await db.insert(recordEntry).values(
    entries.map((entry) => ({
      ...entry.row,
      authorUserId: u[entry.author],
      sharedAt: entry.sharedWith ? at(entry.sharedWith.at) : null,
      sharedBy: entry.sharedWith ? u[entry.author] : null,
      finalisedAt: entry.finalisedAt ? at(entry.finalisedAt) : null,
      finalisedBy: entry.finalisedAt ? u[entry.author] : null,
    })),
  );
  await db.insert(recordEntryVersion).values(
    entries.map((entry) => ({
      id: `${entry.row.id}-v1`,
      entryId: entry.row.id,
      versionNumber: 1,
      body: entry.body,
      analysis: entry.analysis ?? null,
      createdBy: u[entry.author],
    })),
  );
  await db.insert(recordEntryShare).values(
    entries.flatMap(({ row, sharedWith }) =>
      sharedWith
        ? sharedWith.members.map((memberId) => ({
            entryId: row.id,
            memberId,
            sharedAt: at(sharedWith.at),
            deadline: sharedWith.deadline,
          }))
        : [],
    ),
  );
  await db.insert(familyResponse).values(responses(u));

  await db
    .insert(factorAssessment)
    .values(factors.map((factor) => ({ ...factor, assessedBy: u.socialWorker })));
  await db.insert(capacityEvidence).values(capacity(u));
  await db.insert(riskReview).values(reviews(u));
  await db.insert(riskClassification).values(classifications(u));
  await db.insert(decision).values(decisions(u));

  const agreement = agreementRows(u);
  await db.insert(parentalAgreement).values(agreement.agreement);
  await db
    .insert(agreementParty)
    .values({ agreementId: ids.agreement, memberId: ids.members.yasminAmira });
  await db.insert(agreementGoal).values(agreement.goals);
  await db.insert(goalProgress).values(agreement.progress);
  await db.insert(agreementSupport).values(agreement.supports);
  await db.insert(agreementAcknowledgement).values(agreement.acknowledgement);

  await db.insert(meeting).values(meetings);
  await db.insert(meetingAttendee).values(attendees);
  await db.insert(viewsAndWishes).values(views(u));
  await db.insert(plan).values(plans);
  await db.insert(planService).values(planServices);
}
