// The team figures rule of policy.ts (issue 7, the manager view), kept in its own file so
// it can grow without touching the case rules' tests.
import { describe, expect, it } from "vitest";
import { canReadTeamFigures, type PolicyViewer } from "./policy.ts";

const team = { teamId: "t1", authorityId: "a1" };
const staff = (
  teams: PolicyViewer["teams"],
  authorityId: string | null = "a1",
  kind: PolicyViewer["kind"] = "practitioner",
): PolicyViewer => ({ userId: "u1", kind, authorityId, teams, memberships: [] });
const reason = (viewer: PolicyViewer) => {
  const decision = canReadTeamFigures(viewer, team);
  return decision.allowed ? "allowed" : decision.reason;
};

describe("who may read a team's figures", () => {
  it("the team's manager", () => {
    expect(reason(staff([{ teamId: "t1", role: "team_manager" }]))).toBe("allowed");
  });
  it("a manager who is also a social worker in the team", () => {
    expect(
      reason(
        staff([
          { teamId: "t1", role: "social_worker" },
          { teamId: "t1", role: "team_manager" },
        ]),
      ),
    ).toBe("allowed");
  });
  it("not the team's social workers, co-workers, file readers or reviewing officers", () => {
    for (const role of ["social_worker", "co_worker", "chronologist", "iro"] as const) {
      expect(reason(staff([{ teamId: "t1", role }]))).toBe("ROLE_NOT_ALLOWED");
    }
  });
  it("not the manager of another team", () => {
    expect(reason(staff([{ teamId: "t2", role: "team_manager" }]))).toBe("NOT_IN_TEAM");
  });
  it("not a manager in another authority, even with the same team id", () => {
    expect(reason(staff([{ teamId: "t1", role: "team_manager" }], "a2"))).toBe("OTHER_AUTHORITY");
    expect(reason(staff([{ teamId: "t1", role: "team_manager" }], null))).toBe("OTHER_AUTHORITY");
  });
  it("never a family account or a host system", () => {
    expect(reason(staff([{ teamId: "t1", role: "team_manager" }], "a1", "family"))).toBe(
      "NOT_SIGNED_IN_AS_STAFF",
    );
    expect(reason(staff([], "a1", "system"))).toBe("NOT_SIGNED_IN_AS_STAFF");
  });
});
