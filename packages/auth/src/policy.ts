// The one access policy. Every loader, action and query asks `can(viewer, action, resource)`;
// anything not explicitly allowed here is denied (deny by default). The policy is pure: the
// facts about the viewer and the resource are loaded first (policy-facts.ts) and passed in,
// so every rule can be tested without a database and the same answer holds everywhere.

export const actions = ["read", "create", "update", "share", "finalise", "respond"] as const;
export type Action = (typeof actions)[number];

export const resourceTypes = [
  "case",
  "person",
  "person_contact",
  // The case's register of confidential names (and the page that edits contact details'
  // audience): for the allocated social worker, the manager reads it. Issue 8, share blocking.
  "confidential_name",
  "placement",
  "record_entry",
  "family_response",
  "factor_assessment",
  "risk_classification",
  "risk_review",
  "decision",
  "agreement",
  "goal_progress",
  "views_and_wishes",
  "meeting",
  "plan",
  "audit_log",
] as const;
export type ResourceType = (typeof resourceTypes)[number];

export type StaffRole = "social_worker" | "co_worker" | "chronologist" | "team_manager" | "iro";
export type FamilyRole = "parent" | "carer" | "young_person" | "advocate" | "interpreter";
export type CaseRole = StaffRole | FamilyRole;

/** One of the viewer's roles on the case the resource belongs to. */
export interface Membership {
  memberId: string;
  role: CaseRole;
  /** The person on the case this account is (a parent, the young person); null for helpers. */
  personId: string | null;
  /** Advocates and interpreters: the membership of the person they act for. */
  actingFor: Membership | null;
  activeFrom: Date;
  activeUntil: Date | null;
  revokedAt: Date | null;
  consentRecordedAt: Date | null;
  /** Advocates: what the person allowed ("read", "respond", "views"). */
  permissions: readonly string[] | null;
}

/**
 * What a host case-management system may be granted (issue 7, part 5). Each names the one
 * thing it allows; reads are of final records only (agreed, published, finalised). The list
 * is stored with the client (packages/db/src/schema/integration.ts) and must match it.
 */
export const systemScopes = [
  "read:classification",
  "read:agreement",
  "read:entries",
  "read:entries_not_for_family",
  "write:people",
  "write:legal_status",
  "write:placement",
  // Read-only: each person's contact details with whom they are hidden from, so the
  // authority's record keeps both in step (docs/decisions/019-integration-contact-details.md).
  "read:contacts",
] as const;
export type SystemScope = (typeof systemScopes)[number];

export interface PolicyViewer {
  /** The signed-in user's id; for a system, its integration client's id. */
  userId: string;
  kind: "family" | "practitioner" | "system";
  /** Practitioners and systems: their authority. */
  authorityId: string | null;
  /** Systems: what their credential was granted (nothing else is allowed). */
  scopes?: readonly SystemScope[];
  /** Practitioners: their teams and role in each. */
  teams: readonly { teamId: string; role: StaffRole }[];
  /** The viewer's memberships on the resource's case (any status; the policy checks activity). */
  memberships: readonly Membership[];
}

/** What the policy needs to know about the thing being accessed. */
export interface ResourceFacts {
  type: ResourceType;
  caseId: string;
  teamId: string;
  authorityId: string;
  /** record_entry: lifecycle and audience. */
  status?: "draft" | "shared_for_review" | "finalised";
  notForFamily?: boolean;
  sharedWithMemberIds?: readonly string[];
  /** record_entry: written by the independent file reader. */
  chronologistEntry?: boolean;
  /** family_response, views_and_wishes, goal_progress: who wrote it, and for whom. */
  authorMemberId?: string | null;
  onBehalfOfMemberId?: string | null;
  /** family_response and views_and_wishes drafts are private to their author. */
  draft?: boolean;
  /** views_and_wishes */
  viewsKind?: "parent_views" | "young_person_wishes";
  sharing?: "social_worker_only" | "shared_with_parents";
  /** person_contact: whose details, and who must never see them. */
  ownerPersonId?: string | null;
  hiddenFromPersonIds?: readonly string[];
  /** person: which person record. */
  personId?: string;
  /** risk_classification: whose it is, and whether both of the review's are submitted. */
  practitionerUserId?: string;
  bothSubmitted?: boolean;
  /** risk_review: agreed yet? */
  agreed?: boolean;
  /** agreement: published to the family, and who it is with. */
  published?: boolean;
  partyMemberIds?: readonly string[];
  /** plan: active plans are shared with the family. */
  planActive?: boolean;
  /** plan: the thing changed is a monitoring visit after the return, not the plan itself. */
  monitoringVisit?: boolean;
  /** audit_log: the record whose trail is read (for families: an entry shared with them). */
  subject?: ResourceFacts;
}

export type Decision =
  | { allowed: true; as: CaseRole | "staff" | "system"; onBehalfOf: string | null }
  | { allowed: false; reason: DenialReason };

export type DenialReason =
  | "NOT_SIGNED_IN_AS_STAFF"
  | "OTHER_AUTHORITY"
  | "NOT_ON_CASE"
  | "ACCESS_NOT_ACTIVE"
  | "NO_CONSENT"
  | "ROLE_NOT_ALLOWED"
  | "NOT_SHARED_WITH_YOU"
  | "NOT_FOR_FAMILY"
  | "CONFIDENTIAL"
  | "PRIVATE_TO_AUTHOR"
  | "FINALISED_IS_READ_ONLY"
  | "NOT_OPEN_FOR_REVIEW"
  | "HIDDEN_UNTIL_BOTH_SUBMITTED"
  | "READER_IS_ALLOCATED_WORKER"
  | "READER_HAS_WORKED_WITH_FAMILY"
  | "NOT_PERMITTED_BY_PERSON"
  | "INTERPRETERS_CANNOT"
  | "MISSING_SCOPE"
  | "NOT_FINALISED"
  | "NOT_IN_TEAM";

const deny = (reason: DenialReason): Decision => ({ allowed: false, reason });

export function isActive(membership: Membership, now: Date): boolean {
  if (membership.revokedAt && membership.revokedAt <= now) return false;
  if (membership.activeFrom > now) return false;
  if (membership.activeUntil && membership.activeUntil <= now) return false;
  return true;
}

export function can(
  viewer: PolicyViewer,
  action: Action,
  resource: ResourceFacts,
  now: Date = new Date(),
): Decision {
  if (viewer.kind === "system") return systemDecision(viewer, action, resource);
  return viewer.kind === "practitioner"
    ? staffDecision(viewer, action, resource)
    : familyDecision(viewer, action, resource, now);
}

// ---------------------------------------------------------------------------------------
// Host systems (the integration API): their authority's cases only, only what a scope grants,
// and of the record only what is final - never drafts, open reviews or unpublished agreements
// (docs/decisions/010-integration-api.md).

/** The one scope each thing a system may do needs. */
const systemGrants: Partial<Record<ResourceType, Partial<Record<Action, SystemScope>>>> = {
  risk_review: { read: "read:classification" },
  agreement: { read: "read:agreement" },
  record_entry: { read: "read:entries" },
  family_response: { read: "read:entries" },
  // A system reads back what it may write, so it can send the version it changes.
  person: { read: "write:people", create: "write:people", update: "write:people" },
  case: { update: "write:legal_status" },
  placement: { read: "write:placement", create: "write:placement", update: "write:placement" },
  // Read only: the social worker records them in Homeward; the system keeps its copy in step.
  person_contact: { read: "read:contacts" },
};

function systemDecision(viewer: PolicyViewer, action: Action, resource: ResourceFacts): Decision {
  if (!viewer.authorityId || viewer.authorityId !== resource.authorityId)
    return deny("OTHER_AUTHORITY");
  const scopes = viewer.scopes ?? [];
  const ok: Decision = { allowed: true, as: "system", onBehalfOf: null };
  // Finding a case (its id, reference, stage) is part of every scope's work.
  if (resource.type === "case" && action === "read")
    return scopes.length > 0 ? ok : deny("MISSING_SCOPE");
  const needed = systemGrants[resource.type]?.[action];
  if (!needed) return deny("ROLE_NOT_ALLOWED");
  if (!scopes.includes(needed)) return deny("MISSING_SCOPE");
  switch (resource.type) {
    case "record_entry":
      if (resource.status !== "finalised") return deny("NOT_FINALISED");
      // Confidential from the family is not confidential from the authority's own record,
      // but it takes its own scope: a system that feeds a family-facing service never gets it.
      if (resource.notForFamily && !scopes.includes("read:entries_not_for_family"))
        return deny("MISSING_SCOPE");
      return ok;
    case "family_response":
      return resource.draft ? deny("PRIVATE_TO_AUTHOR") : ok;
    case "risk_review":
      return resource.agreed ? ok : deny("NOT_FINALISED");
    case "agreement":
      return resource.published ? ok : deny("NOT_FINALISED");
    default:
      return ok;
  }
}

// ---------------------------------------------------------------------------------------
// Practitioners: their authority only; their team's cases, or cases they are assigned to.

function staffRoleOnCase(viewer: PolicyViewer, resource: ResourceFacts): StaffRole | null {
  const caseRoles = viewer.memberships
    .filter((m) => m.revokedAt === null)
    .map((m) => m.role)
    .filter((r): r is StaffRole =>
      ["social_worker", "co_worker", "chronologist", "team_manager", "iro"].includes(r),
    );
  const teamRoles = viewer.teams.filter((t) => t.teamId === resource.teamId).map((t) => t.role);
  const all = [...caseRoles, ...teamRoles];
  // The strongest role wins, except that an assigned file reader stays a reader on that case:
  // independence of the chronology matters more than convenience.
  if (caseRoles.includes("chronologist")) return "chronologist";
  for (const role of ["team_manager", "social_worker", "co_worker", "iro"] as const) {
    if (all.includes(role)) return role;
  }
  return null;
}

function staffDecision(viewer: PolicyViewer, action: Action, resource: ResourceFacts): Decision {
  if (!viewer.authorityId || viewer.authorityId !== resource.authorityId)
    return deny("OTHER_AUTHORITY");
  const role = staffRoleOnCase(viewer, resource);
  if (!role) return deny("NOT_ON_CASE");
  const allowed: Decision = { allowed: true, as: "staff", onBehalfOf: null };

  if (action === "read") return staffRead(viewer, role, resource) ?? allowed;

  // Nobody changes a finalised record: a correction is a new, linked entry.
  if (resource.type === "record_entry" && resource.status === "finalised" && action !== "create") {
    return deny("FINALISED_IS_READ_ONLY");
  }
  // A co-worker on the case visits the family too, so they record the monitoring visits
  // after a return; the plan itself stays the allocated worker's (issue 7, practitioner gaps).
  if (
    resource.type === "plan" &&
    resource.monitoringVisit === true &&
    action === "update" &&
    role === "co_worker" &&
    viewer.memberships.some((m) => m.role === "co_worker" && m.revokedAt === null)
  ) {
    return allowed;
  }
  const rules = staffWrites[role];
  const permitted = rules[resource.type]?.includes(action) ?? false;
  if (!permitted) return deny("ROLE_NOT_ALLOWED");

  if (
    resource.type === "record_entry" &&
    role === "chronologist" &&
    resource.chronologistEntry === false
  ) {
    return deny("ROLE_NOT_ALLOWED");
  }
  if (
    resource.type === "record_entry" &&
    resource.chronologistEntry &&
    isAllocatedWorker(viewer) &&
    role !== "team_manager"
  ) {
    return deny("READER_IS_ALLOCATED_WORKER");
  }
  if (
    resource.type === "risk_classification" &&
    action === "update" &&
    resource.practitionerUserId !== viewer.userId
  ) {
    return deny("ROLE_NOT_ALLOWED");
  }
  return allowed;
}

function isAllocatedWorker(viewer: PolicyViewer): boolean {
  return viewer.memberships.some((m) => m.role === "social_worker" && m.revokedAt === null);
}

function staffRead(
  viewer: PolicyViewer,
  role: StaffRole,
  resource: ResourceFacts,
): Decision | null {
  // The two independent classifications stay blind until both are in.
  if (
    resource.type === "risk_classification" &&
    resource.practitionerUserId !== viewer.userId &&
    !resource.bothSubmitted
  ) {
    return deny("HIDDEN_UNTIL_BOTH_SUBMITTED");
  }
  // A young person's private wishes: their social worker and the team, never a reader.
  if (resource.type === "views_and_wishes" && resource.draft) return deny("PRIVATE_TO_AUTHOR");
  if (resource.type === "family_response" && resource.draft) return deny("PRIVATE_TO_AUTHOR");
  if (
    role === "chronologist" &&
    ["views_and_wishes", "person_contact", "placement", "audit_log"].includes(resource.type)
  ) {
    return deny("ROLE_NOT_ALLOWED");
  }
  if (resource.type === "audit_log" && !["social_worker", "team_manager", "iro"].includes(role)) {
    return deny("ROLE_NOT_ALLOWED");
  }
  // Who is hiding from whom is known to the worker who holds the case and their manager only.
  if (resource.type === "confidential_name" && !["social_worker", "team_manager"].includes(role)) {
    return deny("ROLE_NOT_ALLOWED");
  }
  return null;
}

const everything = ["create", "update", "share", "finalise", "respond"] as const;
type WriteTable = Partial<Record<ResourceType, readonly Action[]>>;

/** What each staff role may change (reads are handled by staffRead). */
const staffWrites: Record<StaffRole, WriteTable> = {
  social_worker: {
    case: ["update"],
    person: ["create", "update"],
    person_contact: ["create", "update"],
    confidential_name: ["create", "update"],
    placement: ["create", "update"],
    record_entry: everything,
    family_response: ["respond"],
    factor_assessment: ["create", "update"],
    risk_classification: ["create", "update"],
    risk_review: ["create", "update", "finalise"],
    decision: ["create", "update"],
    agreement: ["create", "update", "share"],
    goal_progress: ["create"],
    views_and_wishes: ["respond"],
    meeting: ["create", "update"],
    plan: ["create", "update", "share"],
  },
  co_worker: {
    record_entry: ["create", "update"],
    factor_assessment: ["create", "update"],
    risk_classification: ["create", "update"],
    risk_review: ["update", "finalise"],
    goal_progress: ["create"],
    meeting: ["create", "update"],
  },
  chronologist: {
    record_entry: ["create", "update"],
  },
  team_manager: {
    case: ["update"],
    record_entry: ["finalise", "share", "respond"],
    family_response: ["respond"],
    risk_classification: ["create", "update"],
    risk_review: ["finalise"],
    // Managers sign decisions off.
    decision: ["finalise"],
    agreement: ["share"],
    plan: ["share"],
  },
  iro: {},
};

// ---------------------------------------------------------------------------------------
// Family members: only cases they are on, through an active membership; only what is shared
// with them; never another person's confidential details.

function familyDecision(
  viewer: PolicyViewer,
  action: Action,
  resource: ResourceFacts,
  now: Date,
): Decision {
  const memberships = viewer.memberships.filter((m) => isFamilyRole(m.role));
  if (memberships.length === 0) return deny("NOT_ON_CASE");
  const active = memberships.filter((m) => isActive(m, now));
  if (active.length === 0) return deny("ACCESS_NOT_ACTIVE");

  let lastDenial: Decision = deny("ROLE_NOT_ALLOWED");
  for (const membership of active) {
    const decision = memberDecision(membership, action, resource, now);
    if (decision.allowed) return decision;
    lastDenial = decision;
  }
  return lastDenial;
}

function isFamilyRole(role: CaseRole): role is FamilyRole {
  return (
    role === "parent" ||
    role === "carer" ||
    role === "young_person" ||
    role === "advocate" ||
    role === "interpreter"
  );
}

/** Advocates and interpreters see no more than the person they act for, and do less. */
function memberDecision(
  membership: Membership,
  action: Action,
  resource: ResourceFacts,
  now: Date,
): Decision {
  if (membership.role !== "advocate" && membership.role !== "interpreter") {
    return personDecision(membership, action, resource, null);
  }
  const person = membership.actingFor;
  if (!person || !isActive(person, now)) return deny("ACCESS_NOT_ACTIVE");
  if (membership.consentRecordedAt === null) return deny("NO_CONSENT");
  if (membership.role === "interpreter") {
    // Interpreters read and help the person respond; they never share, finalise or sign.
    if (
      action !== "read" &&
      !(action === "respond" && resource.type === "record_entry") &&
      !(action === "create" && resource.type === "family_response")
    ) {
      return deny("INTERPRETERS_CANNOT");
    }
  } else {
    const permissions = membership.permissions ?? ["read"];
    const needed =
      action === "read" ? "read" : resource.type === "views_and_wishes" ? "views" : "respond";
    if (!permissions.includes(needed)) return deny("NOT_PERMITTED_BY_PERSON");
  }
  if (resource.type === "audit_log") return deny("ROLE_NOT_ALLOWED");
  return personDecision(person, action, resource, membership.memberId);
}

function personDecision(
  member: Membership,
  action: Action,
  resource: ResourceFacts,
  helperMemberId: string | null,
): Decision {
  const ok: Decision = {
    allowed: true,
    as: member.role,
    onBehalfOf: helperMemberId ? member.memberId : null,
  };
  const mine = (authorMemberId: string | null | undefined) =>
    authorMemberId === member.memberId ||
    (helperMemberId !== null && authorMemberId === helperMemberId);
  const youngPerson = member.role === "young_person";

  switch (resource.type) {
    case "case":
    case "meeting":
    case "decision":
      return action === "read" ? ok : deny("ROLE_NOT_ALLOWED");

    case "risk_review":
      if (action !== "read") return deny("ROLE_NOT_ALLOWED");
      return resource.agreed ? ok : deny("NOT_SHARED_WITH_YOU");

    case "person":
      return action === "read" ? ok : deny("ROLE_NOT_ALLOWED");

    case "person_contact":
      if (resource.hiddenFromPersonIds?.includes(member.personId ?? ""))
        return deny("CONFIDENTIAL");
      if (resource.ownerPersonId !== member.personId || member.personId === null)
        return deny("CONFIDENTIAL");
      return action === "read" || action === "update" ? ok : deny("ROLE_NOT_ALLOWED");

    case "placement":
    case "confidential_name":
    case "factor_assessment":
    case "risk_classification":
      return deny("CONFIDENTIAL");

    case "record_entry": {
      if (resource.notForFamily) return deny("NOT_FOR_FAMILY");
      if (resource.status === "draft") return deny("NOT_SHARED_WITH_YOU");
      if (!resource.sharedWithMemberIds?.includes(member.memberId))
        return deny("NOT_SHARED_WITH_YOU");
      if (action === "read") return ok;
      if (action === "respond")
        return resource.status === "shared_for_review" ? ok : deny("FINALISED_IS_READ_ONLY");
      return deny("ROLE_NOT_ALLOWED");
    }

    case "family_response": {
      // A response belongs to its author (and anyone helping them): never the other parent's.
      if (!mine(resource.authorMemberId) && !mine(resource.onBehalfOfMemberId))
        return deny("PRIVATE_TO_AUTHOR");
      if (action === "read" || action === "create" || action === "update") return ok;
      return deny("ROLE_NOT_ALLOWED");
    }

    case "views_and_wishes": {
      const own = mine(resource.authorMemberId) || mine(resource.onBehalfOfMemberId);
      if (own)
        return action === "read" || action === "create" || action === "update"
          ? ok
          : deny("ROLE_NOT_ALLOWED");
      if (resource.draft) return deny("PRIVATE_TO_AUTHOR");
      // A young person's wishes reach a parent only when the young person chose to share them.
      if (
        action === "read" &&
        !youngPerson &&
        resource.viewsKind === "young_person_wishes" &&
        resource.sharing === "shared_with_parents"
      ) {
        return ok;
      }
      return deny("PRIVATE_TO_AUTHOR");
    }

    case "agreement": {
      if (!resource.published) return deny("NOT_SHARED_WITH_YOU");
      if (!resource.partyMemberIds?.includes(member.memberId)) return deny("NOT_SHARED_WITH_YOU");
      // "respond": acknowledge it, or flag promised support that has not happened.
      return action === "read" || action === "respond" ? ok : deny("ROLE_NOT_ALLOWED");
    }

    case "goal_progress": {
      if (!resource.published || !resource.partyMemberIds?.includes(member.memberId))
        return deny("NOT_SHARED_WITH_YOU");
      return action === "read" || action === "create" ? ok : deny("ROLE_NOT_ALLOWED");
    }

    case "plan":
      if (action !== "read") return deny("ROLE_NOT_ALLOWED");
      return resource.planActive ? ok : deny("NOT_SHARED_WITH_YOU");

    case "audit_log": {
      // "Who viewed my shared entry": only for an entry shared with this person.
      if (action !== "read" || !resource.subject || resource.subject.type !== "record_entry")
        return deny("ROLE_NOT_ALLOWED");
      return personDecision(member, "read", resource.subject, helperMemberId);
    }
  }
}

/**
 * The file read is done by someone who has not worked with the family (framework.md,
 * stage 1): never the allocated worker, nor the co-worker who classifies risk beside them.
 */
export function canAssignFileReader(existingRolesOnCase: readonly CaseRole[]): Decision {
  if (existingRolesOnCase.includes("social_worker")) return deny("READER_IS_ALLOCATED_WORKER");
  if (existingRolesOnCase.includes("co_worker")) return deny("READER_HAS_WORKED_WITH_FAMILY");
  return { allowed: true, as: "staff", onBehalfOf: null };
}

/**
 * Assigning or ending an interpreter's access to a person (issue 8) is the allocated social
 * worker's job: they record the person's consent and answer for who reads the family's file.
 * Nobody else on the case - the co-worker, the file reader, the manager - does it for them.
 */
export function canAssignInterpreter(viewer: PolicyViewer, resource: ResourceFacts): Decision {
  if (viewer.kind !== "practitioner") return deny("NOT_SIGNED_IN_AS_STAFF");
  if (!viewer.authorityId || viewer.authorityId !== resource.authorityId)
    return deny("OTHER_AUTHORITY");
  if (!staffRoleOnCase(viewer, resource)) return deny("NOT_ON_CASE");
  if (!isAllocatedWorker(viewer)) return deny("ROLE_NOT_ALLOWED");
  return { allowed: true, as: "social_worker", onBehalfOf: null };
}

/**
 * A team's figures - its cases by level and stage, overdue work, how often the two
 * independent classifications agree, and what became of its returns home (issue 7) - are
 * for the team's manager. They gather every family of the team, so a role on one case (or
 * another role in the team) does not open them.
 */
export function canReadTeamFigures(
  viewer: PolicyViewer,
  team: { teamId: string; authorityId: string },
): Decision {
  if (viewer.kind !== "practitioner") return deny("NOT_SIGNED_IN_AS_STAFF");
  if (!viewer.authorityId || viewer.authorityId !== team.authorityId)
    return deny("OTHER_AUTHORITY");
  const roles = viewer.teams.filter((t) => t.teamId === team.teamId).map((t) => t.role);
  if (roles.length === 0) return deny("NOT_IN_TEAM");
  if (!roles.includes("team_manager")) return deny("ROLE_NOT_ALLOWED");
  return { allowed: true, as: "staff", onBehalfOf: null };
}

/**
 * Who may invite, arrange or withdraw an advocate for one person on a case (issue 8): the
 * person themselves (a parent, carer or young person, through their own active membership),
 * or the case's social worker with the person's consent recorded. Nobody else - not the other
 * parent, not an advocate or interpreter, not another staff role.
 */
export function canArrangeAdvocate(
  viewer: PolicyViewer,
  target: { caseId: string; teamId: string; authorityId: string; forMember: Membership },
  now: Date = new Date(),
): Decision {
  const person = target.forMember;
  if (!["parent", "carer", "young_person"].includes(person.role) || person.personId === null)
    return deny("ROLE_NOT_ALLOWED");
  if (viewer.kind === "family") {
    const own = viewer.memberships.find((m) => m.memberId === person.memberId);
    if (!own) return deny("NOT_ON_CASE");
    if (!isActive(own, now)) return deny("ACCESS_NOT_ACTIVE");
    return { allowed: true, as: own.role, onBehalfOf: null };
  }
  if (viewer.kind !== "practitioner") return deny("NOT_SIGNED_IN_AS_STAFF");
  if (!viewer.authorityId || viewer.authorityId !== target.authorityId)
    return deny("OTHER_AUTHORITY");
  const role = staffRoleOnCase(viewer, { type: "case", ...target });
  if (!role) return deny("NOT_ON_CASE");
  if (role !== "social_worker") return deny("ROLE_NOT_ALLOWED");
  return { allowed: true, as: "staff", onBehalfOf: null };
}
