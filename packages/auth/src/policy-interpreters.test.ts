// Who may assign an interpreter, and what an interpreter may do (issue 8). The interpreter
// rules live in policy.ts beside the other family rules; this file holds their worked examples.
import { describe, expect, it } from "vitest";
import {
  can,
  canAssignInterpreter,
  type CaseRole,
  type Membership,
  type PolicyViewer,
  type ResourceFacts,
} from "./policy.ts";

const kase = { caseId: "c1", teamId: "t1", authorityId: "a1" };
const now = new Date("2026-11-26T12:00:00Z");

const member = (role: CaseRole, extra: Partial<Membership> = {}): Membership => ({
  memberId: `m-${role}`,
  role,
  personId: null,
  actingFor: null,
  activeFrom: new Date("2026-01-01T00:00:00Z"),
  activeUntil: null,
  revokedAt: null,
  consentRecordedAt: null,
  permissions: null,
  ...extra,
});

const staff = (
  memberships: Membership[],
  teams: PolicyViewer["teams"] = [],
  authorityId: string | null = "a1",
): PolicyViewer => ({ userId: "u1", kind: "practitioner", authorityId, teams, memberships });

const assign = (viewer: PolicyViewer) => {
  const d = canAssignInterpreter(viewer, { type: "case", ...kase });
  return d.allowed ? "allowed" : d.reason;
};

describe("who may assign an interpreter", () => {
  it("the case's allocated social worker", () => {
    expect(assign(staff([member("social_worker")]))).toBe("allowed");
  });
  it("not the co-worker, file reader or reviewing officer on the case", () => {
    for (const role of ["co_worker", "chronologist", "iro"] as const) {
      expect(assign(staff([member(role)]))).toBe("ROLE_NOT_ALLOWED");
    }
  });
  it("not the team manager, nor a social worker in the team who is not allocated", () => {
    expect(assign(staff([], [{ teamId: "t1", role: "team_manager" }]))).toBe("ROLE_NOT_ALLOWED");
    expect(assign(staff([], [{ teamId: "t1", role: "social_worker" }]))).toBe("ROLE_NOT_ALLOWED");
  });
  it("not a social worker whose allocation was ended", () => {
    expect(assign(staff([member("social_worker", { revokedAt: now })]))).toBe("NOT_ON_CASE");
  });
  it("not someone from another team or authority", () => {
    expect(assign(staff([], [{ teamId: "t2", role: "social_worker" }]))).toBe("NOT_ON_CASE");
    expect(assign(staff([member("social_worker")], [], "a2"))).toBe("OTHER_AUTHORITY");
  });
  it("never a family account, not even the person the interpreter is for", () => {
    const family: PolicyViewer = {
      userId: "u2",
      kind: "family",
      authorityId: null,
      teams: [],
      memberships: [member("parent")],
    };
    expect(assign(family)).toBe("NOT_SIGNED_IN_AS_STAFF");
  });
});

describe("what an interpreter may do for the person", () => {
  const amira = member("parent", { memberId: "m-amira", personId: "p-amira" });
  const interpreter = (extra: Partial<Membership> = {}): PolicyViewer => ({
    userId: "u-yusuf",
    kind: "family",
    authorityId: null,
    teams: [],
    memberships: [
      member("interpreter", {
        actingFor: amira,
        consentRecordedAt: new Date("2026-05-20T10:00:00Z"),
        activeUntil: new Date("2027-03-31T23:00:00Z"),
        ...extra,
      }),
    ],
  });
  const entry: ResourceFacts = {
    type: "record_entry",
    ...kase,
    status: "shared_for_review",
    sharedWithMemberIds: ["m-amira"],
  };
  const agreement: ResourceFacts = {
    type: "agreement",
    ...kase,
    published: true,
    partyMemberIds: ["m-amira"],
  };
  const outcome = (
    viewer: PolicyViewer,
    action: Parameters<typeof can>[1],
    r: ResourceFacts,
    at = now,
  ) => {
    const d = can(viewer, action, r, at);
    return d.allowed ? `as ${d.as} for ${d.onBehalfOf}` : d.reason;
  };

  it("reads what the person reads, as the person", () => {
    expect(outcome(interpreter(), "read", entry)).toBe("as parent for m-amira");
    expect(outcome(interpreter(), "read", agreement)).toBe("as parent for m-amira");
  });
  it("writes a response on the person's behalf", () => {
    expect(outcome(interpreter(), "respond", entry)).toBe("as parent for m-amira");
    expect(
      outcome(interpreter(), "create", {
        type: "family_response",
        ...kase,
        authorMemberId: "m-interpreter",
        onBehalfOfMemberId: "m-amira",
      }),
    ).toBe("as parent for m-amira");
  });
  it("never acknowledges an agreement or flags support, shares or finalises", () => {
    expect(outcome(interpreter(), "respond", agreement)).toBe("INTERPRETERS_CANNOT");
    expect(outcome(interpreter(), "share", entry)).toBe("INTERPRETERS_CANNOT");
    expect(outcome(interpreter(), "finalise", entry)).toBe("INTERPRETERS_CANNOT");
  });
  it("sees nothing the person does not see", () => {
    expect(outcome(interpreter(), "read", { ...entry, sharedWithMemberIds: ["m-other"] })).toBe(
      "NOT_SHARED_WITH_YOU",
    );
    expect(outcome(interpreter(), "read", { ...entry, notForFamily: true })).toBe("NOT_FOR_FAMILY");
  });
  it("loses access at the end of the period, when ended early, or before it starts", () => {
    const end = new Date("2027-03-31T23:00:00Z");
    expect(outcome(interpreter(), "read", entry, end)).toBe("ACCESS_NOT_ACTIVE");
    expect(outcome(interpreter({ revokedAt: now }), "read", entry)).toBe("ACCESS_NOT_ACTIVE");
    expect(
      outcome(interpreter({ activeFrom: new Date("2026-12-01T00:00:00Z") }), "read", entry),
    ).toBe("ACCESS_NOT_ACTIVE");
  });
  it("without the person's recorded consent, nothing", () => {
    expect(outcome(interpreter({ consentRecordedAt: null }), "read", entry)).toBe("NO_CONSENT");
  });
});
