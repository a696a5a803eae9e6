// What the easy-read agreement page says first (issue 8): the few things the person can do
// now, most pressing first, so a reader who stops after a few lines still knows them. Easy
// read is for people who find long pages hard (framework.md, "What families told the
// evaluators": a parent with a learning disability needed simpler material).
import type { GoalProgress } from "./agreements.ts";
import { addDays, compareDates, type IsoDate } from "./dates.ts";

/** Goals due within four weeks are "coming up", as on the home page: time to act on them. */
export const EASY_AGREEMENT_DUE_WITHIN_DAYS = 28;

export interface EasyAgreementFacts {
  readonly status: "draft" | "published" | "ended";
  /** The viewer may say they have read it (the person, or a helper they allowed). */
  readonly canRespond: boolean;
  readonly acknowledgement: {
    /** This version has been confirmed as read. */
    readonly current: boolean;
    /** An earlier confirmation, of any version. */
    readonly lastAt: string | null;
  };
  readonly goals: readonly {
    readonly goalId: string;
    readonly number: number;
    readonly dueDate: IsoDate;
    readonly progress: GoalProgress;
  }[];
}

export type EasyAgreementStep =
  /** Never confirmed as read: read it, then say so. */
  | { readonly kind: "read" }
  /** Confirmed once, then the agreement changed: read it again. */
  | { readonly kind: "readAgain" }
  /** Past its date and not yet decided: say what has been done. */
  | {
      readonly kind: "goalLate";
      readonly goalId: string;
      readonly number: number;
      readonly dueDate: IsoDate;
    }
  /** Due within four weeks. */
  | {
      readonly kind: "goalSoon";
      readonly goalId: string;
      readonly number: number;
      readonly dueDate: IsoDate;
    };

type GoalFact = EasyAgreementFacts["goals"][number];

const byDateThenNumber = (a: GoalFact, b: GoalFact) =>
  compareDates(a.dueDate, b.dueDate) || a.number - b.number;

/**
 * The steps, in order: reading the agreement first (every goal rests on it), then goals
 * whose date has gone (oldest first), then goals coming up (soonest first). An ended
 * agreement asks nothing more of anyone. An empty list means "nothing to do now".
 */
export function easyAgreementSteps(facts: EasyAgreementFacts, today: IsoDate): EasyAgreementStep[] {
  if (facts.status !== "published") return [];
  const steps: EasyAgreementStep[] = [];
  if (facts.canRespond && !facts.acknowledgement.current) {
    steps.push({ kind: facts.acknowledgement.lastAt ? "readAgain" : "read" });
  }
  const horizon = addDays(today, EASY_AGREEMENT_DUE_WITHIN_DAYS);
  const late = facts.goals.filter((g) => g.progress === "overdue").sort(byDateThenNumber);
  const soon = facts.goals
    .filter((g) => g.progress === "open" && compareDates(g.dueDate, horizon) <= 0)
    .sort(byDateThenNumber);
  for (const g of late)
    steps.push({ kind: "goalLate", goalId: g.goalId, number: g.number, dueDate: g.dueDate });
  for (const g of soon)
    steps.push({ kind: "goalSoon", goalId: g.goalId, number: g.number, dueDate: g.dueDate });
  return steps;
}
