import { compareDates, type IsoDate } from "./dates.ts";
import type { RiskStatus } from "./risk.ts";
import { checkReturnHome, type ReturnHomeCode, type ReturnHomeFacts } from "./monitoring.ts";
import {
  type CaseProgress,
  type CaseStep,
  checkStageMove,
  type Milestone,
  type StageBlocker,
} from "./stages.ts";

// Recording a return home is the case's move into stage 5, so it answers to every rule that
// says whether the child may go home, and lists everything still missing at once (a refusal
// that names one thing at a time sends the worker round the loop): the stage rules (the work
// stage 4 needs: risk classified again and the reunification plan agreed; a level at which
// return can be considered), the return's own rules (Decision 3 signed off, an active
// reunification plan, a date that has come), and the time rules (the
// level on the day of the return must already have allowed it). Sources: framework.md, "The
// five stages", "Movement between levels" and the Leeds decision points (Decision 3, then
// the return home).

export type ReturnHomeProblem =
  | { readonly kind: "rule"; readonly code: ReturnHomeCode }
  | { readonly kind: "stage"; readonly code: "CASE_CLOSED" | "ALREADY_AT_STEP" }
  | { readonly kind: "milestone"; readonly milestone: Milestone }
  | { readonly kind: "blocker"; readonly blocker: StageBlocker }
  | { readonly kind: "time"; readonly code: "RETURN_BEFORE_LEVEL_ALLOWED" };

export interface ReturnHomeMoveInput {
  /** Where the case stands: its recorded step, the work done, the risk status today. */
  readonly progress: CaseProgress;
  readonly facts: ReturnHomeFacts;
  /** The risk status the time rules give on the day of the return; null if none agreed then. */
  readonly riskOnReturnDate: RiskStatus | null;
  readonly returnOn: IsoDate;
  readonly today: IsoDate;
}

export type ReturnHomeMoveResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly problems: readonly ReturnHomeProblem[] };

/**
 * The step the move into the return home is checked from. Stages overlap and the recorded
 * stage can lag behind the work (framework.md: "they can overlap; a case can move back"), so
 * a case recorded at an earlier stage of the reunification path is checked against what
 * entering the return home needs - the work of stage 4 and the blockers - rather than refused
 * for its label. Closed, the return home itself, and the alternative path keep their own
 * answers.
 */
function checkedFrom(step: CaseStep): CaseStep {
  if (step === "closed" || step === "alternative_permanence") return step;
  // "return_home" too: a child already home is refused by the return's own rule (ALREADY_HOME).
  return "reclassification";
}

/** Whether the child may be recorded as home on `returnOn`, and if not, everything missing. */
export function checkReturnHomeMove(input: ReturnHomeMoveInput): ReturnHomeMoveResult {
  const problems: ReturnHomeProblem[] = [];
  const rule = checkReturnHome(input.facts, input.returnOn, input.today);
  if (!rule.ok) problems.push({ kind: "rule", code: rule.code });

  const from = checkedFrom(input.progress.step);
  // Back home after a return to care: the move is from the stage the case went back to.
  const progress: CaseProgress = { ...input.progress, step: from };
  const move = checkStageMove(progress, "return_home");
  if (!move.ok) {
    if (move.code === "CASE_CLOSED" || move.code === "ALREADY_AT_STEP") {
      // The return's own rule already says "closed" or "already home" in its own words.
      if (rule.ok) problems.push({ kind: "stage", code: move.code });
    } else if (move.code === "REQUIREMENTS_MISSING") {
      for (const milestone of move.missing.milestones)
        problems.push({ kind: "milestone", milestone });
      for (const blocker of move.missing.blockers) {
        // The return's rule names the same thing already: say it once.
        const same = !rule.ok && (rule.code as string) === blocker;
        if (!same) problems.push({ kind: "blocker", blocker });
      }
    }
  }
  // From the alternative path the stage rules see a move back, which they always allow; the
  // return still needs a level at which going home can be considered.
  if (from === "alternative_permanence" && !input.progress.risk?.reunificationPossible) {
    const code =
      input.progress.risk === null ? "NO_AGREED_CLASSIFICATION" : "RISK_TOO_HIGH_FOR_RETURN";
    const named = problems.some(
      (p) => (p.kind === "rule" && p.code === code) || (p.kind === "blocker" && p.blocker === code),
    );
    if (!named) problems.push({ kind: "blocker", blocker: code });
  }

  // Better only slowly (framework.md, "Movement between levels"): a return recorded on an
  // earlier day must fall on a day when the level already allowed it, not merely today.
  if (
    input.progress.risk?.reunificationPossible &&
    !input.riskOnReturnDate?.reunificationPossible
  ) {
    problems.push({ kind: "time", code: "RETURN_BEFORE_LEVEL_ALLOWED" });
  }
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

/** Several returns home on one case, oldest first: which one is current, and how many broke down. */
export interface ReturnEpisode {
  readonly returnedOn: IsoDate;
  readonly reEnteredCareOn: IsoDate | null;
}

/** The latest return, if the child is home now (not back in care); otherwise null. */
export function currentReturn<T extends ReturnEpisode>(episodes: readonly T[]): T | null {
  const latest = episodes.toSorted((a, b) => compareDates(a.returnedOn, b.returnedOn)).at(-1);
  return latest && latest.reEnteredCareOn === null ? latest : null;
}

/** Returns that broke down: the child came back into care (framework.md, "What authorities lacked"). */
export function brokenDownReturns(episodes: readonly ReturnEpisode[]): number {
  return episodes.filter((e) => e.reEnteredCareOn !== null).length;
}
