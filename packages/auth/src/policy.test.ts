import { describe, expect, it } from "vitest";
import {
  type Action,
  can,
  canAssignFileReader,
  type Membership,
  type PolicyViewer,
  type ResourceFacts,
  systemScopes,
} from "./policy.ts";

const now = new Date("2026-11-26T12:00:00Z");
const base = { caseId: "c1", teamId: "t1", authorityId: "a1" };

function member(
  memberId: string,
  role: Membership["role"],
  extra: Partial<Membership> = {},
): Membership {
  return {
    memberId,
    role,
    personId: role === "parent" || role === "young_person" ? `person-${memberId}` : null,
    actingFor: null,
    activeFrom: new Date("2026-01-01T00:00:00Z"),
    activeUntil: null,
    revokedAt: null,
    consentRecordedAt: null,
    permissions: null,
    ...extra,
  };
}

const family = (...memberships: Membership[]): PolicyViewer => ({
  userId: "u",
  kind: "family",
  authorityId: null,
  teams: [],
  memberships,
});
const staff = (
  teams: PolicyViewer["teams"],
  memberships: Membership[] = [],
  authorityId = "a1",
): PolicyViewer => ({
  userId: "staff-1",
  kind: "practitioner",
  authorityId,
  teams,
  memberships,
});

const mum = member("m-mum", "parent");
const dad = member("m-dad", "parent");
const yp = member("m-yp", "young_person");
const entry = (extra: Partial<ResourceFacts> = {}): ResourceFacts => ({
  type: "record_entry",
  ...base,
  status: "shared_for_review",
  notForFamily: false,
  sharedWithMemberIds: ["m-mum"],
  ...extra,
});
const allowed = (viewer: PolicyViewer, action: Action, resource: ResourceFacts) =>
  can(viewer, action, resource, now).allowed;
const reason = (viewer: PolicyViewer, action: Action, resource: ResourceFacts) => {
  const d = can(viewer, action, resource, now);
  return d.allowed ? "allowed" : d.reason;
};

describe("family members and record entries", () => {
  it("a parent reads and responds to an entry shared with them", () => {
    expect(allowed(family(mum), "read", entry())).toBe(true);
    expect(allowed(family(mum), "respond", entry())).toBe(true);
  });
  it("the other parent cannot open it, by URL or otherwise", () => {
    expect(reason(family(dad), "read", entry())).toBe("NOT_SHARED_WITH_YOU");
  });
  it("drafts and not-for-family entries never reach a family member", () => {
    expect(reason(family(mum), "read", entry({ status: "draft" }))).toBe("NOT_SHARED_WITH_YOU");
    expect(reason(family(mum), "read", entry({ notForFamily: true }))).toBe("NOT_FOR_FAMILY");
  });
  it("a finalised entry is read-only for the family", () => {
    expect(allowed(family(mum), "read", entry({ status: "finalised" }))).toBe(true);
    expect(reason(family(mum), "respond", entry({ status: "finalised" }))).toBe(
      "FINALISED_IS_READ_ONLY",
    );
  });
  it("families never create, share or finalise entries", () => {
    for (const action of ["create", "update", "share", "finalise"] as const) {
      expect(allowed(family(mum), action, entry())).toBe(false);
    }
  });
  it("access that has ended or been withdrawn counts as none", () => {
    expect(
      reason(
        family(member("m-mum", "parent", { activeUntil: new Date("2026-11-01") })),
        "read",
        entry(),
      ),
    ).toBe("ACCESS_NOT_ACTIVE");
    expect(
      reason(
        family(member("m-mum", "parent", { revokedAt: new Date("2026-11-25") })),
        "read",
        entry(),
      ),
    ).toBe("ACCESS_NOT_ACTIVE");
    expect(reason(family(), "read", entry())).toBe("NOT_ON_CASE");
  });
});

describe("confidential details", () => {
  it("nobody in the family sees the placement address", () => {
    for (const m of [mum, dad, yp])
      expect(reason(family(m), "read", { type: "placement", ...base })).toBe("CONFIDENTIAL");
  });
  it("a parent sees their own contact details but never the other parent's", () => {
    const mumsAddress: ResourceFacts = {
      type: "person_contact",
      ...base,
      ownerPersonId: "person-m-mum",
      hiddenFromPersonIds: ["person-m-dad"],
    };
    expect(allowed(family(mum), "read", mumsAddress)).toBe(true);
    expect(reason(family(dad), "read", mumsAddress)).toBe("CONFIDENTIAL");
  });
  it("the independent classifications and factor work stay with practitioners", () => {
    expect(reason(family(mum), "read", { type: "risk_classification", ...base })).toBe(
      "CONFIDENTIAL",
    );
    expect(reason(family(mum), "read", { type: "factor_assessment", ...base })).toBe(
      "CONFIDENTIAL",
    );
  });
});

describe("the case's confidential names and who is hidden from whom", () => {
  const names: ResourceFacts = { type: "confidential_name", ...base };
  const onCase = (role: Membership["role"]) =>
    staff([{ teamId: "t1", role: "co_worker" }], [member(`m-${role}`, role)]);
  it("the allocated social worker reads, adds and changes them", () => {
    const sw = staff([{ teamId: "t1", role: "social_worker" }], [member("m-sw", "social_worker")]);
    for (const action of ["read", "create", "update"] as const)
      expect(allowed(sw, action, names)).toBe(true);
    expect(reason(sw, "share", names)).toBe("ROLE_NOT_ALLOWED");
  });
  it("the team manager reads them but changes nothing", () => {
    const manager = staff([{ teamId: "t1", role: "team_manager" }]);
    expect(allowed(manager, "read", names)).toBe(true);
    expect(reason(manager, "create", names)).toBe("ROLE_NOT_ALLOWED");
    expect(reason(manager, "update", names)).toBe("ROLE_NOT_ALLOWED");
  });
  it("co-workers, file readers and reviewing officers are refused", () => {
    expect(reason(staff([{ teamId: "t1", role: "co_worker" }]), "read", names)).toBe(
      "ROLE_NOT_ALLOWED",
    );
    expect(reason(staff([{ teamId: "t1", role: "co_worker" }]), "update", names)).toBe(
      "ROLE_NOT_ALLOWED",
    );
    expect(reason(onCase("chronologist"), "read", names)).toBe("ROLE_NOT_ALLOWED");
    expect(reason(staff([], [member("m-iro", "iro")]), "read", names)).toBe("ROLE_NOT_ALLOWED");
    expect(reason(staff([{ teamId: "t2", role: "social_worker" }]), "read", names)).toBe(
      "NOT_ON_CASE",
    );
  });
  it("no family member, nor anyone helping one, ever sees them", () => {
    for (const m of [mum, dad, yp]) {
      expect(reason(family(m), "read", names)).toBe("CONFIDENTIAL");
      expect(reason(family(m), "update", names)).toBe("CONFIDENTIAL");
    }
    const advocate = member("m-adv", "advocate", {
      actingFor: mum,
      consentRecordedAt: new Date("2026-01-01T00:00:00Z"),
      permissions: ["read", "respond"],
    });
    expect(reason(family(advocate), "read", names)).toBe("CONFIDENTIAL");
  });
});

describe("a young person's wishes", () => {
  const wishes = (sharing: "social_worker_only" | "shared_with_parents"): ResourceFacts => ({
    type: "views_and_wishes",
    ...base,
    viewsKind: "young_person_wishes",
    authorMemberId: "m-yp",
    sharing,
  });
  it("are theirs to read and change", () => {
    expect(allowed(family(yp), "read", wishes("social_worker_only"))).toBe(true);
    expect(allowed(family(yp), "update", wishes("social_worker_only"))).toBe(true);
  });
  it("are private from a parent unless the young person shares them", () => {
    expect(reason(family(mum), "read", wishes("social_worker_only"))).toBe("PRIVATE_TO_AUTHOR");
    expect(allowed(family(mum), "read", wishes("shared_with_parents"))).toBe(true);
    expect(allowed(family(mum), "update", wishes("shared_with_parents"))).toBe(false);
  });
  it("are read by the social worker", () => {
    expect(
      allowed(
        staff([{ teamId: "t1", role: "social_worker" }]),
        "read",
        wishes("social_worker_only"),
      ),
    ).toBe(true);
  });
});

describe("advocates and interpreters act only for their person, while their access lasts", () => {
  const advocate = (extra: Partial<Membership> = {}) =>
    member("m-adv", "advocate", {
      actingFor: mum,
      consentRecordedAt: new Date("2026-10-01"),
      permissions: ["read", "respond"],
      ...extra,
    });
  it("see what the person sees, no more", () => {
    expect(can(family(advocate()), "read", entry(), now)).toEqual({
      allowed: true,
      as: "parent",
      onBehalfOf: "m-mum",
    });
    expect(
      reason(
        family(member("m-adv", "advocate", { actingFor: dad, consentRecordedAt: new Date() })),
        "read",
        entry(),
      ),
    ).toBe("NOT_SHARED_WITH_YOU");
  });
  it("need the person's consent, an unexpired period, and the permission for the task", () => {
    expect(reason(family(advocate({ consentRecordedAt: null })), "read", entry())).toBe(
      "NO_CONSENT",
    );
    expect(reason(family(advocate({ activeUntil: new Date("2026-11-20") })), "read", entry())).toBe(
      "ACCESS_NOT_ACTIVE",
    );
    expect(reason(family(advocate({ permissions: ["read"] })), "respond", entry())).toBe(
      "NOT_PERMITTED_BY_PERSON",
    );
  });
  it("interpreters can help respond but never acknowledge, share or finalise", () => {
    const interpreter = member("m-int", "interpreter", {
      actingFor: mum,
      consentRecordedAt: new Date("2026-10-01"),
    });
    expect(allowed(family(interpreter), "respond", entry())).toBe(true);
    const agreement: ResourceFacts = {
      type: "agreement",
      ...base,
      published: true,
      partyMemberIds: ["m-mum"],
    };
    expect(allowed(family(mum), "respond", agreement)).toBe(true);
    expect(reason(family(interpreter), "respond", agreement)).toBe("INTERPRETERS_CANNOT");
    expect(reason(family(interpreter), "share", entry())).toBe("INTERPRETERS_CANNOT");
  });
});

describe("practitioners", () => {
  const sw = staff([{ teamId: "t1", role: "social_worker" }], [member("m-sw", "social_worker")]);
  it("see their team's cases and nothing of another team or authority", () => {
    expect(allowed(sw, "read", { type: "case", ...base })).toBe(true);
    expect(
      reason(staff([{ teamId: "t2", role: "social_worker" }]), "read", { type: "case", ...base }),
    ).toBe("NOT_ON_CASE");
    expect(
      reason(staff([{ teamId: "t1", role: "social_worker" }], [], "a2"), "read", {
        type: "case",
        ...base,
      }),
    ).toBe("OTHER_AUTHORITY");
  });
  it("cannot see the other practitioner's classification until both are submitted", () => {
    const theirs: ResourceFacts = {
      type: "risk_classification",
      ...base,
      practitionerUserId: "someone-else",
      bothSubmitted: false,
    };
    expect(reason(sw, "read", theirs)).toBe("HIDDEN_UNTIL_BOTH_SUBMITTED");
    expect(allowed(sw, "read", { ...theirs, bothSubmitted: true })).toBe(true);
    expect(allowed(sw, "read", { ...theirs, practitionerUserId: "staff-1" })).toBe(true);
    expect(reason(sw, "update", { ...theirs, bothSubmitted: true })).toBe("ROLE_NOT_ALLOWED");
  });
  it("never change a finalised entry; a correction is a new entry", () => {
    expect(reason(sw, "update", entry({ status: "finalised" }))).toBe("FINALISED_IS_READ_ONLY");
    expect(allowed(sw, "create", entry({ status: "finalised" }))).toBe(true);
  });
  it("keep the file read independent of the allocated worker", () => {
    expect(reason(sw, "create", entry({ status: "draft", chronologistEntry: true }))).toBe(
      "READER_IS_ALLOCATED_WORKER",
    );
    const reader = staff([], [member("m-reader", "chronologist")]);
    expect(allowed(reader, "create", entry({ status: "draft", chronologistEntry: true }))).toBe(
      true,
    );
    expect(reason(reader, "create", entry({ status: "draft", chronologistEntry: false }))).toBe(
      "ROLE_NOT_ALLOWED",
    );
    expect(canAssignFileReader(["social_worker"]).allowed).toBe(false);
    expect(canAssignFileReader(["co_worker"])).toEqual({
      allowed: false,
      reason: "READER_HAS_WORKED_WITH_FAMILY",
    });
    expect(canAssignFileReader([]).allowed).toBe(true);
  });
  it("managers sign decisions off; social workers make them", () => {
    const manager = staff([{ teamId: "t1", role: "team_manager" }]);
    const decision: ResourceFacts = { type: "decision", ...base };
    expect(allowed(manager, "finalise", decision)).toBe(true);
    expect(allowed(sw, "finalise", decision)).toBe(false);
    expect(allowed(sw, "create", decision)).toBe(true);
  });
});

describe("host systems (the integration API)", () => {
  const system = (scopes: PolicyViewer["scopes"], authorityId: string | null = "a1") =>
    ({
      userId: "client-1",
      kind: "system",
      authorityId,
      teams: [],
      memberships: [],
      scopes,
    }) satisfies PolicyViewer;
  const everything = system([...systemScopes]);
  const finalised = entry({ status: "finalised", sharedWithMemberIds: [] });

  it("reach only their own authority's cases", () => {
    expect(reason(system([...systemScopes], "a2"), "read", { type: "case", ...base })).toBe(
      "OTHER_AUTHORITY",
    );
    expect(reason(system([...systemScopes], null), "read", finalised)).toBe("OTHER_AUTHORITY");
    expect(allowed(everything, "read", { type: "case", ...base })).toBe(true);
  });
  it("do nothing without a scope, and only what each scope grants", () => {
    expect(reason(system([]), "read", { type: "case", ...base })).toBe("MISSING_SCOPE");
    expect(reason(system(undefined), "read", finalised)).toBe("MISSING_SCOPE");
    const readsOnly = system(["read:classification", "read:agreement", "read:entries"]);
    expect(reason(readsOnly, "update", { type: "case", ...base })).toBe("MISSING_SCOPE");
    expect(reason(readsOnly, "create", { type: "person", ...base })).toBe("MISSING_SCOPE");
    expect(reason(readsOnly, "update", { type: "placement", ...base })).toBe("MISSING_SCOPE");
    expect(reason(system(["write:people"]), "read", finalised)).toBe("MISSING_SCOPE");
    expect(
      reason(system(["read:entries"]), "read", { type: "risk_review", ...base, agreed: true }),
    ).toBe("MISSING_SCOPE");
    expect(allowed(system(["write:legal_status"]), "update", { type: "case", ...base })).toBe(true);
    expect(allowed(system(["write:placement"]), "update", { type: "placement", ...base })).toBe(
      true,
    );
    expect(allowed(system(["write:people"]), "create", { type: "person", ...base })).toBe(true);
  });
  it("never touch what no scope names, whatever they hold", () => {
    for (const type of [
      "factor_assessment",
      "risk_classification",
      "views_and_wishes",
      "confidential_name",
      "audit_log",
      "decision",
      "plan",
    ] as const) {
      expect(reason(everything, "read", { type, ...base })).toBe("ROLE_NOT_ALLOWED");
    }
    expect(reason(everything, "finalise", finalised)).toBe("ROLE_NOT_ALLOWED");
    expect(reason(everything, "update", finalised)).toBe("ROLE_NOT_ALLOWED");
    expect(reason(everything, "share", { type: "agreement", ...base, published: true })).toBe(
      "ROLE_NOT_ALLOWED",
    );
  });
  it("read only final records: finalised entries, agreed reviews, published agreements", () => {
    expect(allowed(everything, "read", finalised)).toBe(true);
    expect(reason(everything, "read", entry({ status: "draft" }))).toBe("NOT_FINALISED");
    expect(reason(everything, "read", entry({ status: "shared_for_review" }))).toBe(
      "NOT_FINALISED",
    );
    expect(reason(everything, "read", { type: "risk_review", ...base, agreed: false })).toBe(
      "NOT_FINALISED",
    );
    expect(allowed(everything, "read", { type: "risk_review", ...base, agreed: true })).toBe(true);
    expect(reason(everything, "read", { type: "agreement", ...base, published: false })).toBe(
      "NOT_FINALISED",
    );
    expect(allowed(everything, "read", { type: "agreement", ...base, published: true })).toBe(true);
  });
  it("read contact details only with read:contacts, hidden ones included, and never change them", () => {
    const hidden: ResourceFacts = {
      type: "person_contact",
      ...base,
      ownerPersonId: "p-dad",
      hiddenFromPersonIds: ["p-mum"],
    };
    expect(allowed(system(["read:contacts"]), "read", hidden)).toBe(true);
    expect(allowed(system(["read:contacts"]), "read", { ...hidden, hiddenFromPersonIds: [] })).toBe(
      true,
    );
    for (const action of ["create", "update", "share", "finalise", "respond"] as const)
      expect(reason(everything, action, hidden)).toBe("ROLE_NOT_ALLOWED");
    // Every other scope, even the ones that write people and the placement: not enough.
    expect(reason(system(systemScopes.filter((s) => s !== "read:contacts")), "read", hidden)).toBe(
      "MISSING_SCOPE",
    );
    expect(reason(system(["read:contacts"], "a2"), "read", hidden)).toBe("OTHER_AUTHORITY");
  });
  it("read a not-for-family entry only with its own scope", () => {
    const confidential = entry({ status: "finalised", notForFamily: true });
    expect(reason(system(["read:entries"]), "read", confidential)).toBe("MISSING_SCOPE");
    expect(
      allowed(system(["read:entries", "read:entries_not_for_family"]), "read", confidential),
    ).toBe(true);
  });
  it("read a family member's response once sent, never their draft", () => {
    const response: ResourceFacts = { type: "family_response", ...base, authorMemberId: "m-mum" };
    expect(allowed(system(["read:entries"]), "read", response)).toBe(true);
    expect(reason(system(["read:entries"]), "read", { ...response, draft: true })).toBe(
      "PRIVATE_TO_AUTHOR",
    );
  });
});

describe("plans and the return home (issue 7, part 3)", () => {
  const plan = (planActive: boolean): ResourceFacts => ({ type: "plan", ...base, planActive });
  const sw = staff([{ teamId: "t1", role: "social_worker" }], [member("m-sw", "social_worker")]);
  const coWorker = staff([{ teamId: "t1", role: "co_worker" }]);
  const manager = staff([{ teamId: "t1", role: "team_manager" }]);
  it("a family reads a plan only once it is in force, and never changes one", () => {
    expect(allowed(family(mum), "read", plan(true))).toBe(true);
    expect(allowed(family(yp), "read", plan(true))).toBe(true);
    expect(reason(family(mum), "read", plan(false))).toBe("NOT_SHARED_WITH_YOU");
    for (const action of ["create", "update", "share", "finalise"] as const) {
      expect(reason(family(mum), action, plan(true))).toBe("ROLE_NOT_ALLOWED");
    }
  });
  it("the social worker writes and activates plans; a manager activates; a co-worker reads", () => {
    expect(allowed(sw, "create", plan(false))).toBe(true);
    expect(allowed(sw, "update", plan(false))).toBe(true);
    expect(allowed(sw, "share", plan(false))).toBe(true);
    expect(allowed(manager, "share", plan(false))).toBe(true);
    expect(reason(manager, "update", plan(false))).toBe("ROLE_NOT_ALLOWED");
    expect(allowed(coWorker, "read", plan(false))).toBe(true);
    expect(reason(coWorker, "update", plan(false))).toBe("ROLE_NOT_ALLOWED");
    expect(reason(coWorker, "share", plan(false))).toBe("ROLE_NOT_ALLOWED");
  });
  it("recording the return home or a return to care changes the case: not a co-worker's or a family's", () => {
    const kase: ResourceFacts = { type: "case", ...base };
    expect(allowed(sw, "update", kase)).toBe(true);
    expect(allowed(manager, "update", kase)).toBe(true);
    expect(reason(coWorker, "update", kase)).toBe("ROLE_NOT_ALLOWED");
    expect(reason(family(mum), "update", kase)).toBe("ROLE_NOT_ALLOWED");
    expect(reason(staff([{ teamId: "t1", role: "social_worker" }], [], "a2"), "update", kase)).toBe(
      "OTHER_AUTHORITY",
    );
  });
});
