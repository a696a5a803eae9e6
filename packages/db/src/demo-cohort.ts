// A second demo team with a history: 32 children whose returns home, and returns to care,
// are known, so the manager view's outcome figures can be checked by hand (issue 7, part 4:
// "checked against a seeded cohort whose returns to care are known"). Priya manages this
// team as well as the Reunification Team. It is a separate team so Sarah's caseload stays
// the three cases of the issue.
//
// Everything is fictional. Dates are written for the demo's "today", 26 November 2026
// (README, HOMEWARD_START_TIME). The expected figures are worked out by hand in
// packages/services/src/manager.test.ts; change this file and that test together.
import { classifyRisk } from "@homeward/rules";
import type { Database } from "./client.ts";
import { riskClassification, riskReview } from "./schema/assessment.ts";
import { user } from "./schema/auth.ts";
import { childCase } from "./schema/case.ts";
import { staffMembership, team } from "./schema/organisation.ts";

export const demoCohortTeam = { id: "team-demo-north", name: "North Reunification Team" };

/** The team's two practitioners: colleagues in the record, with no demo sign-in. */
export const demoCohortStaff = {
  socialWorker: { id: "user-north-social-worker", name: "Dev Chaudhry" },
  coWorker: { id: "user-north-co-worker", name: "Ffion Pryce" },
};

type Step = (typeof childCase.$inferInsert)["stage"];
type Evidence = Pick<
  typeof riskClassification.$inferInsert,
  "riskFactors" | "protectiveFactors" | "capacityToChange"
>;

// The three levels used here. "High" with risk factors being addressed does not drift to
// severe, so the cohort's levels hold on any day (framework.md, "No drift").
const low: Evidence = { riskFactors: "none", protectiveFactors: true, capacityToChange: true };
const medium: Evidence = {
  riskFactors: "being_addressed",
  protectiveFactors: true,
  capacityToChange: true,
};
const mediumByAnotherRoute: Evidence = { ...medium, riskFactors: "not_addressed" };
const high: Evidence = { ...medium, capacityToChange: false };
const severe: Evidence = { ...high, protectiveFactors: false };
const levelOf = (e: Evidence) => classifyRisk(e).level;

interface CohortReview {
  date: string;
  /** The social worker's and the co-worker's independent classifications; null: not in yet. */
  socialWorker: Evidence | null;
  coWorker: Evidence | null;
  /** The classification they agreed on; null while they are still conferring. */
  agreed: Evidence | null;
}

export interface CohortCase {
  n: number;
  childName: string;
  born: string;
  stage: Step;
  returnedHomeOn: string | null;
  reEnteredCareOn: string | null;
  closedOn: string | null;
  review?: CohortReview;
}

const c = (
  n: number,
  childName: string,
  born: string,
  stage: Step,
  returnedHomeOn: string | null,
  reEnteredCareOn: string | null,
  closedOn: string | null,
  review?: CohortReview,
): CohortCase => ({
  n,
  childName,
  born,
  stage,
  returnedHomeOn,
  reEnteredCareOn,
  closedOn,
  review,
});
const matched = (date: string, e: Evidence): CohortReview => ({
  date,
  socialWorker: e,
  coWorker: e,
  agreed: e,
});

/** The cohort. The comment on each line is what happened, in months after going home. */
export const demoCohort: readonly CohortCase[] = [
  // Went home two or more years ago: every window has passed.
  c(1, "Aaron Bell", "2012-04-02", "closed", "2022-03-07", null, "2023-04-20"), // stayed
  c(2, "Bethan Rees", "2014-09-18", "closed", "2022-05-16", "2022-09-05", "2024-02-12"), // back at 3.7
  c(3, "Callum Shaw", "2011-01-25", "closed", "2022-06-27", null, "2023-07-31"), // stayed
  c(4, "Daisy Kaur", "2016-06-11", "closed", "2022-09-12", "2023-06-19", "2025-01-20"), // back at 9
  c(5, "Ellis Grant", "2013-12-03", "closed", "2022-11-21", null, "2023-12-11"), // stayed
  c(
    6,
    "Freya Lloyd",
    "2015-03-29",
    "alternative_permanence",
    "2023-01-09",
    "2024-09-30",
    null,
    matched("2026-09-14", high),
  ), // back at 20.7
  c(7, "George Okoye", "2010-07-14", "closed", "2023-02-20", null, "2024-03-04"), // stayed
  c(8, "Hana Novak", "2017-10-22", "closed", "2023-04-03", "2023-07-24", "2025-03-17"), // back at 3.7
  c(9, "Isaac Price", "2012-02-08", "closed", "2023-05-15", null, "2024-06-10"), // stayed
  c(
    10,
    "Jade Walsh",
    "2014-05-30",
    "parental_agreements",
    "2023-07-10",
    "2025-11-03",
    null,
    matched("2026-10-05", medium),
  ), // back at 27.8: outside every window
  c(11, "Kieran Doyle", "2013-08-19", "closed", "2023-08-31", "2024-02-29", "2025-06-02"), // back on the last day of 6
  c(12, "Lola Evans", "2018-01-12", "closed", "2023-10-16", null, "2024-11-04"), // stayed
  c(
    13,
    "Mason Hughes",
    "2016-11-27",
    "alternative_permanence",
    "2023-12-04",
    "2024-12-04",
    null,
    matched("2026-06-22", high),
  ), // back on the last day of 12
  c(14, "Nia Morgan-Jones", "2011-04-16", "closed", "2024-01-22", null, "2025-02-10"), // stayed
  c(15, "Oscar Reid", "2015-12-09", "closed", "2024-03-11", "2024-09-12", "2025-08-18"), // back at 6 + 1 day
  c(16, "Poppy Singh", "2012-10-05", "closed", "2024-05-20", null, "2025-06-23"), // stayed
  c(17, "Quinn Taylor", "2017-02-23", "reclassification", "2024-08-05", "2026-08-05", null, {
    date: "2026-10-12",
    socialWorker: medium,
    coWorker: high,
    agreed: high,
  }), // back on the last day of 24
  c(18, "Rosa Ali", "2013-06-06", "closed", "2024-11-26", null, "2025-09-01"), // stayed; 24 ends today
  // Went home one to two years ago: the 6 and 12 month windows have passed.
  c(19, "Sami Haddad", "2014-03-17", "closed", "2024-11-27", null, "2025-10-06"), // stayed; 24 ends tomorrow
  c(20, "Tia Brennan", "2016-08-28", "alternative_permanence", "2025-01-13", "2025-04-28", null, {
    date: "2026-08-03",
    socialWorker: high,
    coWorker: severe,
    agreed: high,
  }), // back at 3.5
  c(21, "Umar Farouk", "2012-11-11", "closed", "2025-03-03", null, "2026-01-19"), // stayed
  c(22, "Violet Carr", "2015-05-04", "risk_classification", "2025-05-19", "2026-02-16", null, {
    date: "2026-11-16",
    socialWorker: medium,
    coWorker: null,
    agreed: null,
  }), // back at 9
  c(
    23,
    "Wyn Roberts",
    "2013-09-21",
    "return_home",
    "2025-08-04",
    null,
    null,
    matched("2026-10-19", low),
  ), // stayed
  c(24, "Xander Cole", "2016-01-30", "initial_assessment", "2025-10-20", "2026-10-26", null), // back at 12 + 6 days
  // Went home six months to a year ago: only the 6 month window has passed.
  c(
    25,
    "Yusuf Ahmed",
    "2014-07-07",
    "return_home",
    "2025-12-08",
    null,
    null,
    matched("2026-09-28", low),
  ), // stayed
  c(26, "Zara Khan", "2017-04-12", "parental_agreements", "2026-02-02", "2026-05-11", null, {
    date: "2026-09-07",
    socialWorker: low,
    coWorker: medium,
    agreed: medium,
  }), // back at 3.3
  c(
    27,
    "Alfie Green",
    "2015-10-01",
    "return_home",
    "2026-05-26",
    null,
    null,
    matched("2026-11-02", low),
  ), // stayed; 6 ends today
  // Went home less than six months ago: too recent to tell.
  c(
    28,
    "Bella Thomas",
    "2016-12-15",
    "return_home",
    "2026-07-06",
    null,
    null,
    matched("2026-10-26", low),
  ), // stayed so far
  c(29, "Carys Powell", "2018-03-08", "risk_classification", "2026-08-17", "2026-10-19", null, {
    date: "2026-11-09",
    socialWorker: medium,
    coWorker: high,
    agreed: null,
  }), // back at 2
  // Never went home.
  c(30, "Dylan Webb", "2013-02-19", "alternative_permanence", null, null, null),
  c(31, "Erin Murphy", "2012-08-24", "closed", null, null, "2025-05-12"),
  c(32, "Finn O'Brien", "2015-11-03", "reclassification", null, null, null, {
    date: "2026-10-26",
    socialWorker: medium,
    coWorker: mediumByAnotherRoute,
    agreed: medium,
  }),
];

const caseId = (n: number) => `case-north-${String(n).padStart(2, "0")}`;
// HW-06xx: clear of the first team's HW-1xxx and of the references tests add.
const reference = (n: number) => `HW-06${String(n).padStart(2, "0")}`;

/** The cohort's case ids, by the numbers above (tests name them). */
export const demoCohortCaseId = caseId;

/**
 * Seeds the team, its two practitioners, Priya as its manager, the cohort's cases and their
 * risk reviews. Called once by seedDemoData, after the first team's record.
 */
export async function seedDemoCohort(
  db: Pick<Database, "insert">,
  teamManagerUserId: string,
): Promise<void> {
  await db.insert(team).values({ ...demoCohortTeam, authorityId: "authority-demo" });
  const staff = [demoCohortStaff.socialWorker, demoCohortStaff.coWorker];
  await db.insert(user).values(
    staff.map((s) => ({
      ...s,
      email: `${s.id.replace("user-", "")}@homeward.example`,
      kind: "practitioner" as const,
    })),
  );
  await db.insert(staffMembership).values([
    { userId: demoCohortStaff.socialWorker.id, teamId: demoCohortTeam.id, role: "social_worker" },
    { userId: demoCohortStaff.coWorker.id, teamId: demoCohortTeam.id, role: "co_worker" },
    { userId: teamManagerUserId, teamId: demoCohortTeam.id, role: "team_manager" },
  ]);
  await db.insert(childCase).values(
    demoCohort.map((row) => ({
      id: caseId(row.n),
      authorityId: "authority-demo",
      teamId: demoCohortTeam.id,
      reference: reference(row.n),
      childName: row.childName,
      childDateOfBirth: row.born,
      legalStatus: "s31",
      stage: row.stage,
      riskLevel: row.review?.agreed ? levelOf(row.review.agreed) : null,
      riskLevelSince: row.review?.agreed ? row.review.date : null,
      returnedHomeOn: row.returnedHomeOn,
      reEnteredCareOn: row.reEnteredCareOn,
      closedOn: row.closedOn,
    })),
  );
  const reviewed = demoCohort.flatMap((row) =>
    row.review ? [{ ...row, review: row.review }] : [],
  );
  await db.insert(riskReview).values(
    reviewed.map(({ n, review }) => {
      const submitted = [review.socialWorker, review.coWorker].filter(Boolean).length;
      return {
        id: `review-north-${n}`,
        caseId: caseId(n),
        reviewDate: review.date,
        point: "review" as const,
        status: (review.agreed ? "agreed" : submitted === 2 ? "conferring" : "open") as
          | "agreed"
          | "conferring"
          | "open",
        ...(review.agreed && {
          agreedRiskFactors: review.agreed.riskFactors,
          agreedProtectiveFactors: review.agreed.protectiveFactors,
          agreedCapacityToChange: review.agreed.capacityToChange,
          agreedLevel: levelOf(review.agreed),
          agreedRationale: "Agreed after both classifications were in.",
          agreedBy: demoCohortStaff.socialWorker.id,
          agreedAt: new Date(`${review.date}T15:00:00Z`),
        }),
      };
    }),
  );
  await db.insert(riskClassification).values(
    reviewed.flatMap(({ n, review }) =>
      (
        [
          [demoCohortStaff.socialWorker.id, review.socialWorker, "sw", "10:00"],
          [demoCohortStaff.coWorker.id, review.coWorker, "cw", "12:00"],
        ] as const
      ).flatMap(([practitionerUserId, evidence, suffix, time]) =>
        evidence
          ? [
              {
                id: `classification-north-${n}-${suffix}`,
                reviewId: `review-north-${n}`,
                practitionerUserId,
                ...evidence,
                level: levelOf(evidence),
                rationale: "Classified independently from the evidence on file.",
                submittedAt: new Date(`${review.date}T${time}:00Z`),
              },
            ]
          : [],
      ),
    ),
  );
}
