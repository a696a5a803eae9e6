import { describe, expect, test } from "vitest";
import {
  nextReviewPoint,
  PLAN_KINDS,
  PLAN_PROBLEMS,
  PLAN_REQUIREMENTS,
  type PlanDraft,
  planProblems,
} from "./plans.ts";

const yasminsPlan: PlanDraft = {
  kind: "reunification",
  timescale: "Staged return between January and April 2027",
  summary: "Overnight stays from January, weekends from February, home by Easter.",
  familyExplanation: null,
  services: [
    {
      service: "Family support worker, twice a week",
      provider: "Demo Borough Council family support",
      status: "started",
    },
  ],
  roles: [{ who: "Sarah Okafor", role: "Social worker: coordinates the plan" }],
  reviewPoints: [{ date: "2026-12-03", what: "Review of the agreement" }],
};

describe("a reunification plan states the framework's four parts", () => {
  test("Yasmin's plan is ready: timescale, support with its provider, roles, review points", () => {
    expect(planProblems(yasminsPlan)).toEqual([]);
  });

  test("an empty plan lacks everything, named in the order of the form", () => {
    expect(
      planProblems({
        ...yasminsPlan,
        timescale: " ",
        summary: "",
        services: [],
        roles: [],
        reviewPoints: [],
      }),
    ).toEqual(["NO_SUMMARY", "NO_TIMESCALE", "NO_SERVICES", "NO_ROLES", "NO_REVIEW_POINTS"]);
  });

  test("a service needs its provider", () => {
    expect(
      planProblems({
        ...yasminsPlan,
        services: [{ service: "Parenting course", provider: "", status: "planned" }],
      }),
    ).toEqual(["SERVICE_WITHOUT_PROVIDER"]);
  });

  test("a stopped service is not support the family gets", () => {
    expect(
      planProblems({
        ...yasminsPlan,
        services: [{ service: "Parenting course", provider: "Eastfield", status: "stopped" }],
      }),
    ).toEqual(["NO_SERVICES"]);
  });

  test("each role names who and what they do; each review point has a date and a purpose", () => {
    expect(
      planProblems({
        ...yasminsPlan,
        roles: [{ who: "Joanne Reid", role: "" }],
        reviewPoints: [{ date: "2026-02-30", what: "Review" }],
      }),
    ).toEqual(["ROLE_INCOMPLETE", "REVIEW_POINT_INCOMPLETE"]);
    expect(
      planProblems({ ...yasminsPlan, reviewPoints: [{ date: "2026-12-03", what: " " }] }),
    ).toEqual(["REVIEW_POINT_INCOMPLETE"]);
  });
});

describe("where return is not possible", () => {
  const permanence: PlanDraft = {
    kind: "alternative_permanence",
    timescale: "Long-term match by 30 June 2026",
    summary: "Tyler stays with Carol and Steve as he grows up.",
    familyExplanation:
      "Kerry, you finished the parenting course and Tyler loves you. Tyler will grow up with Carol and Steve, and keep seeing you.",
    services: [],
    roles: [{ who: "Carol and Steve Walsh", role: "Foster carers" }],
    reviewPoints: [{ date: "2026-12-14", what: "Looked after review" }],
  };

  test("the permanence plan needs no services, but must be explained to the family", () => {
    expect(planProblems(permanence)).toEqual([]);
    expect(planProblems({ ...permanence, familyExplanation: "  " })).toEqual([
      "NO_FAMILY_EXPLANATION",
    ]);
  });

  test("a contact plan says who makes contact happen and when it is reviewed", () => {
    const contact: PlanDraft = {
      ...permanence,
      kind: "contact",
      timescale: null,
      familyExplanation: null,
    };
    expect(planProblems(contact)).toEqual([]);
    expect(planProblems({ ...contact, roles: [], reviewPoints: [] })).toEqual([
      "NO_ROLES",
      "NO_REVIEW_POINTS",
    ]);
  });

  test("a support plan needs its services", () => {
    expect(planProblems({ ...permanence, kind: "support", services: [] })).toEqual(["NO_SERVICES"]);
  });
});

describe("every kind", () => {
  test("has its requirements, and every problem can be produced", () => {
    expect(Object.keys(PLAN_REQUIREMENTS).sort()).toEqual([...PLAN_KINDS].sort());
    const found = new Set<string>();
    const empty = {
      timescale: null,
      summary: "",
      familyExplanation: null,
      services: [{ service: "x", provider: "", status: "planned" as const }],
      roles: [{ who: "x", role: "" }],
      reviewPoints: [{ date: "x", what: "x" }],
    };
    for (const kind of PLAN_KINDS) {
      for (const p of planProblems({ ...empty, kind })) found.add(p);
      for (const p of planProblems({ ...empty, kind, services: [], roles: [], reviewPoints: [] }))
        found.add(p);
    }
    expect([...found].sort()).toEqual([...PLAN_PROBLEMS].sort());
  });
});

describe("the next review point", () => {
  const points = [
    { date: "2027-04-06", what: "Decision on the return home" },
    { date: "2026-12-03", what: "Review of the agreement" },
    { date: "2027-02-01", what: "Weekend stays reviewed" },
  ];

  test("is the first on or after today, whatever order they were written in", () => {
    expect(nextReviewPoint(points, "2026-11-26")?.what).toBe("Review of the agreement");
    expect(nextReviewPoint(points, "2026-12-03")?.what).toBe("Review of the agreement");
    expect(nextReviewPoint(points, "2026-12-04")?.what).toBe("Weekend stays reviewed");
  });

  test("is none once every review has passed", () => {
    expect(nextReviewPoint(points, "2027-04-07")).toBeNull();
  });
});
