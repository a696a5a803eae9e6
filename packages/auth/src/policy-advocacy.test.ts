import { describe, expect, it } from "vitest";
import { can, canArrangeAdvocate, type Membership, type PolicyViewer } from "./policy.ts";

const now = new Date("2026-11-26T12:00:00Z");
const base = { caseId: "c1", teamId: "t1", authorityId: "a1" };

function member(memberId: string, role: Membership["role"], extra: Partial<Membership> = {}) {
  return {
    memberId,
    role,
    personId: ["parent", "young_person", "carer"].includes(role) ? `person-${memberId}` : null,
    actingFor: null,
    activeFrom: new Date("2026-01-01T00:00:00Z"),
    activeUntil: null,
    revokedAt: null,
    consentRecordedAt: null,
    permissions: null,
    ...extra,
  } satisfies Membership;
}
const family = (...memberships: Membership[]): PolicyViewer => ({
  userId: "u",
  kind: "family",
  authorityId: null,
  teams: [],
  memberships,
});
const staff = (role: "social_worker" | "co_worker" | "team_manager", authorityId = "a1") =>
  ({
    userId: "s",
    kind: "practitioner",
    authorityId,
    teams: [{ teamId: "t1", role }],
    memberships: [],
  }) satisfies PolicyViewer;

const mum = member("m-mum", "parent");
const dad = member("m-dad", "parent");
const yp = member("m-yp", "young_person");
const target = (forMember: Membership) => ({ ...base, forMember });
const reason = (d: ReturnType<typeof canArrangeAdvocate>) => (d.allowed ? "allowed" : d.reason);

describe("who may arrange an advocate for a person", () => {
  it("the parent, for herself", () => {
    expect(reason(canArrangeAdvocate(family(mum), target(mum), now))).toBe("allowed");
  });
  it("the young person, for themselves", () => {
    expect(reason(canArrangeAdvocate(family(yp), target(yp), now))).toBe("allowed");
  });
  it("never the other parent", () => {
    expect(reason(canArrangeAdvocate(family(dad), target(mum), now))).toBe("NOT_ON_CASE");
  });
  it("not once the parent's own access has ended", () => {
    const ended = { ...mum, revokedAt: new Date("2026-11-01T00:00:00Z") };
    expect(reason(canArrangeAdvocate(family(ended), target(ended), now))).toBe("ACCESS_NOT_ACTIVE");
  });
  it("an advocate cannot invite another advocate for the person", () => {
    const ruth = member("m-ruth", "advocate", {
      actingFor: mum,
      consentRecordedAt: now,
      permissions: ["read", "respond", "views"],
    });
    expect(reason(canArrangeAdvocate(family(ruth), target(mum), now))).toBe("NOT_ON_CASE");
  });
  it("nobody arranges an advocate for an advocate", () => {
    const ruth = member("m-ruth", "advocate", { actingFor: mum });
    expect(reason(canArrangeAdvocate(family(ruth), target(ruth), now))).toBe("ROLE_NOT_ALLOWED");
  });
  it("the social worker, with the person's consent", () => {
    expect(reason(canArrangeAdvocate(staff("social_worker"), target(mum), now))).toBe("allowed");
  });
  it("not a co-worker or team manager", () => {
    expect(reason(canArrangeAdvocate(staff("co_worker"), target(mum), now))).toBe(
      "ROLE_NOT_ALLOWED",
    );
    expect(reason(canArrangeAdvocate(staff("team_manager"), target(mum), now))).toBe(
      "ROLE_NOT_ALLOWED",
    );
  });
  it("not a social worker of another authority", () => {
    expect(reason(canArrangeAdvocate(staff("social_worker", "a2"), target(mum), now))).toBe(
      "OTHER_AUTHORITY",
    );
  });
});

describe("an advocate's access, as the person set it", () => {
  const advocate = (extra: Partial<Membership> = {}) =>
    member("m-ruth", "advocate", {
      actingFor: mum,
      consentRecordedAt: new Date("2026-11-20T00:00:00Z"),
      permissions: ["read"],
      activeUntil: new Date("2027-01-01T00:00:00Z"),
      ...extra,
    });
  const shared = {
    type: "record_entry" as const,
    ...base,
    status: "shared_for_review" as const,
    notForFamily: false,
    sharedWithMemberIds: ["m-mum"],
  };
  it("reads what is shared with the person", () => {
    expect(can(family(advocate()), "read", shared, now)).toMatchObject({
      allowed: true,
      onBehalfOf: "m-mum",
    });
  });
  it("a read-only advocate cannot respond", () => {
    expect(can(family(advocate()), "respond", shared, now)).toEqual({
      allowed: false,
      reason: "NOT_PERMITTED_BY_PERSON",
    });
  });
  it("withdrawn: refused at once", () => {
    const withdrawn = advocate({ revokedAt: now });
    expect(can(family(withdrawn), "read", shared, now)).toEqual({
      allowed: false,
      reason: "ACCESS_NOT_ACTIVE",
    });
  });
  it("past the date the person chose: refused", () => {
    const later = new Date("2027-01-02T00:00:00Z");
    expect(can(family(advocate()), "read", shared, later)).toEqual({
      allowed: false,
      reason: "ACCESS_NOT_ACTIVE",
    });
  });
  it("never the other parent's confidential details", () => {
    const contact = {
      type: "person_contact" as const,
      ...base,
      ownerPersonId: "person-m-dad",
      hiddenFromPersonIds: ["person-m-mum"],
    };
    expect(can(family(advocate()), "read", contact, now)).toEqual({
      allowed: false,
      reason: "CONFIDENTIAL",
    });
  });
});
