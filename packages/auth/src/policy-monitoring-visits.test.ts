// Who records a monitoring visit after a return home (issue 7, practitioner gaps): the
// practitioners on the case who visit the family - the allocated social worker, and now the
// co-worker on the case - and nobody else.
import { describe, expect, it } from "vitest";
import { can, type Membership, type PolicyViewer, type ResourceFacts } from "./policy.ts";

const now = new Date("2026-11-26T12:00:00Z");
const base = { caseId: "c1", teamId: "t1", authorityId: "a1" };
const visit: ResourceFacts = { type: "plan", ...base, monitoringVisit: true };
const thePlan: ResourceFacts = { type: "plan", ...base, planActive: true };

function member(memberId: string, role: Membership["role"], extra: Partial<Membership> = {}) {
  return {
    memberId,
    role,
    personId: role === "parent" ? `person-${memberId}` : null,
    actingFor: null,
    activeFrom: new Date("2026-01-01T00:00:00Z"),
    activeUntil: null,
    revokedAt: null,
    consentRecordedAt: null,
    permissions: null,
    ...extra,
  } satisfies Membership;
}

const practitioner = (
  teams: PolicyViewer["teams"],
  memberships: Membership[],
  authorityId = "a1",
): PolicyViewer => ({ userId: "p", kind: "practitioner", authorityId, teams, memberships });

const outcome = (viewer: PolicyViewer, resource: ResourceFacts) => {
  const decision = can(viewer, "update", resource, now);
  return decision.allowed ? "allowed" : decision.reason;
};

describe("recording a monitoring visit", () => {
  const coWorker = practitioner([], [member("m-cw", "co_worker")]);

  it("the co-worker on the case records a visit", () => {
    expect(outcome(coWorker, visit)).toBe("allowed");
  });

  it("but does not change the plan itself, nor create or share one", () => {
    expect(outcome(coWorker, thePlan)).toBe("ROLE_NOT_ALLOWED");
    expect(can(coWorker, "create", visit, now).allowed).toBe(false);
    expect(can(coWorker, "share", visit, now).allowed).toBe(false);
  });

  it("the allocated social worker still records visits", () => {
    expect(outcome(practitioner([], [member("m-sw", "social_worker")]), visit)).toBe("allowed");
  });

  it("a co-worker whose place on the case was withdrawn is refused", () => {
    const withdrawn = practitioner(
      [],
      [member("m-cw", "co_worker", { revokedAt: new Date("2026-10-01T00:00:00Z") })],
    );
    expect(outcome(withdrawn, visit)).toBe("NOT_ON_CASE");
  });

  it("a co-worker of the team who is not on this case is refused", () => {
    expect(outcome(practitioner([{ teamId: "t1", role: "co_worker" }], []), visit)).toBe(
      "ROLE_NOT_ALLOWED",
    );
  });

  it("an unrelated practitioner is refused: another team, or another authority", () => {
    expect(outcome(practitioner([{ teamId: "t2", role: "social_worker" }], []), visit)).toBe(
      "NOT_ON_CASE",
    );
    expect(outcome(practitioner([], [member("m-cw", "co_worker")], "a2"), visit)).toBe(
      "OTHER_AUTHORITY",
    );
  });

  it("the file reader and the reviewing officer are refused", () => {
    expect(outcome(practitioner([], [member("m-r", "chronologist")]), visit)).toBe(
      "ROLE_NOT_ALLOWED",
    );
    expect(outcome(practitioner([], [member("m-i", "iro")]), visit)).toBe("ROLE_NOT_ALLOWED");
  });

  it("a family member is refused, a parent or their advocate", () => {
    const mum = member("m-mum", "parent");
    const parent: PolicyViewer = {
      userId: "f",
      kind: "family",
      authorityId: null,
      teams: [],
      memberships: [mum],
    };
    expect(outcome(parent, visit)).toBe("ROLE_NOT_ALLOWED");
    const advocate: PolicyViewer = {
      ...parent,
      memberships: [
        member("m-adv", "advocate", {
          actingFor: mum,
          consentRecordedAt: new Date("2026-01-02T00:00:00Z"),
          permissions: ["read", "respond"],
        }),
      ],
    };
    expect(outcome(advocate, visit)).toBe("ROLE_NOT_ALLOWED");
  });
});
