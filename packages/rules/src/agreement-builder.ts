import {
  checkGoalStatusChange,
  type Goal,
  type GoalStatus,
  type GoalStatusErrorCode,
} from "./agreements.ts";
import type { IsoDate } from "./dates.ts";
import type { RuleResult } from "./result.ts";

// The practitioners' side of a parental agreement (issue 7): how a goal's working status
// moves, and who has confirmed reading which version. framework.md, "Parental agreements and
// plans"; the family confirms each changed version (issue 5, item 3).

/**
 * The statuses a practitioner records on a goal. "Not started" and "in progress" are both an
 * open goal to the framework's rules (`GoalStatus`); the difference helps the family see
 * that work has begun.
 */
export const WORKING_GOAL_STATUSES = [
  "not_started",
  "in_progress",
  "achieved",
  "not_achieved",
] as const;
export type WorkingGoalStatus = (typeof WORKING_GOAL_STATUSES)[number];

export function ruleStatusOf(status: WorkingGoalStatus): GoalStatus {
  return status === "achieved" || status === "not_achieved" ? status : "open";
}

/**
 * Whether a practitioner may move a goal from one working status to another today.
 * Deciding a goal (achieved / not achieved) follows `checkGoalStatusChange`: it needs a
 * complete goal, evidence for "achieved", and the due date passed for "not achieved"; a
 * decided goal stays decided. Between the two open statuses the goal may move freely.
 */
export function checkWorkingGoalStatus(
  goal: Goal,
  from: WorkingGoalStatus,
  to: WorkingGoalStatus,
  asOf: IsoDate,
): RuleResult<GoalStatusErrorCode> {
  if (from === to) return { ok: false, code: "SAME_STATUS" };
  const decided = ruleStatusOf(from) !== "open";
  if (decided) return { ok: false, code: "GOAL_ALREADY_DECIDED" };
  if (ruleStatusOf(to) === "open") return { ok: true };
  return checkGoalStatusChange({ ...goal, status: "open" }, ruleStatusOf(to), asOf);
}

/** Where one party stands with the agreement's current version. */
export type AcknowledgementState =
  /** Confirmed reading the version the family is shown now. */
  | "current"
  /** Confirmed an earlier version; the agreement has changed since. */
  | "earlier_version"
  /** Never confirmed any version. */
  | "not_yet";

export interface Acknowledgement {
  readonly memberId: string;
  readonly version: number;
}

/**
 * For each party, whether they have confirmed the current version. A confirmation of an
 * earlier version does not carry over: nobody confirms words they have not seen.
 */
export function acknowledgementStates(
  partyMemberIds: readonly string[],
  acknowledgements: readonly Acknowledgement[],
  currentVersion: number,
): ReadonlyMap<string, AcknowledgementState> {
  const states = new Map<string, AcknowledgementState>();
  for (const memberId of partyMemberIds) {
    const theirs = acknowledgements.filter((a) => a.memberId === memberId);
    states.set(
      memberId,
      theirs.some((a) => a.version === currentVersion)
        ? "current"
        : theirs.length > 0
          ? "earlier_version"
          : "not_yet",
    );
  }
  return states;
}
