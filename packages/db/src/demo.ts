// Demo data for a fresh machine: one authority, one team, three cases at different stages
// and risk levels, and one account per role. Everything is fictional.
import { count } from "drizzle-orm";
import type { Database } from "./client.ts";
import type { AccountKind } from "./schema/auth.ts";
import { type CaseRole, caseMember, childCase } from "./schema/case.ts";
import { authority, type StaffRole, staffMembership, team } from "./schema/organisation.ts";
import { user } from "./schema/auth.ts";

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

interface DemoMember {
  account: DemoAccountKey;
  role: CaseRole;
  relationship?: string;
  actingFor?: DemoAccountKey;
  language?: string;
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
  members: DemoMember[];
}[] = [
  {
    id: "case-mia",
    reference: "HW-1001",
    childName: "Mia Morgan",
    childDateOfBirth: "2020-03-14",
    legalStatus: "s20",
    stage: "initial_assessment",
    riskLevel: null,
    riskLevelSince: null,
    members: [
      { account: "parent", role: "parent", relationship: "mother" },
      { account: "secondParent", role: "parent", relationship: "father" },
      { account: "socialWorker", role: "social_worker" },
      { account: "coWorker", role: "co_worker" },
    ],
  },
  {
    id: "case-yasmin",
    reference: "HW-1002",
    childName: "Yasmin Haddad",
    childDateOfBirth: "2012-06-02",
    legalStatus: "s31",
    stage: "parental_agreement",
    riskLevel: "medium",
    riskLevelSince: "2026-05-11",
    members: [
      { account: "youngPerson", role: "young_person" },
      { account: "arabicParent", role: "parent", relationship: "mother", language: "ar" },
      { account: "interpreter", role: "interpreter", actingFor: "arabicParent", language: "ar" },
      { account: "socialWorker", role: "social_worker" },
      { account: "coWorker", role: "co_worker" },
    ],
  },
  {
    id: "case-tyler",
    reference: "HW-1003",
    childName: "Tyler Brooks",
    childDateOfBirth: "2017-10-21",
    legalStatus: "s31",
    stage: "permanence",
    riskLevel: "severe",
    riskLevelSince: "2026-01-19",
    members: [
      { account: "ldParent", role: "parent", relationship: "mother" },
      { account: "advocate", role: "advocate", actingFor: "ldParent" },
      { account: "socialWorker", role: "social_worker" },
      { account: "coWorker", role: "co_worker" },
    ],
  },
];

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

  const userIds = {} as Record<DemoAccountKey, string>;
  for (const account of demoAccounts) {
    userIds[account.key] = await createAccount(account);
  }
  for (const [key, role] of Object.entries(teamStaff)) {
    await db
      .insert(staffMembership)
      .values({ userId: userIds[key as DemoAccountKey], teamId: "team-demo", role });
  }
  for (const demoCase of demoCases) {
    const { members, ...row } = demoCase;
    await db
      .insert(childCase)
      .values({ ...row, authorityId: "authority-demo", teamId: "team-demo" });
    const memberIds = {} as Record<string, string>;
    for (const member of members) memberIds[member.account] = `${demoCase.id}-${member.account}`;
    for (const member of members) {
      await db.insert(caseMember).values({
        id: memberIds[member.account] as string,
        caseId: demoCase.id,
        userId: userIds[member.account],
        role: member.role,
        relationship: member.relationship ?? null,
        actingForMemberId: member.actingFor ? (memberIds[member.actingFor] ?? null) : null,
        language: member.language ?? null,
      });
    }
  }
  return true;
}
