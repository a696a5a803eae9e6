// An interpreter's access to a person's pages (issue 8): always for a period with an end, so
// it cannot outlive the need for it; it ends by itself on the last day.
import { compareDates, type IsoDate } from "./dates.ts";
import type { RuleResult } from "./result.ts";

export type InterpreterPeriodCode = "STARTS_IN_PAST" | "ENDS_BEFORE_START" | "ENDS_IN_PAST";

/**
 * Checks the period a social worker gives an interpreter, in whole London days (`from` and
 * `until` both included). Access is never backdated: the audit trail would otherwise show an
 * assignment covering reads that happened before anyone agreed to it.
 */
export function checkInterpreterPeriod(period: {
  from: IsoDate;
  until: IsoDate;
  today: IsoDate;
}): RuleResult<InterpreterPeriodCode> {
  if (compareDates(period.until, period.today) < 0) return { ok: false, code: "ENDS_IN_PAST" };
  if (compareDates(period.until, period.from) < 0) return { ok: false, code: "ENDS_BEFORE_START" };
  if (compareDates(period.from, period.today) < 0) return { ok: false, code: "STARTS_IN_PAST" };
  return { ok: true };
}
