// Easy read or standard (issue 8). A family member can read the pages they use most in easy
// read: short sentences, one idea per line, an icon beside each key line. Who sees which:
// the page they asked for this visit wins, then their own saved choice, then the easy-read
// need their social worker recorded for them on the case (framework.md, "What families told
// the evaluators": a parent with a learning disability needed simpler material).

export const readModes = ["easy", "standard"] as const;
export type ReadMode = (typeof readModes)[number];

/** "easy" or "standard" from a query string or cookie; anything else is no answer. */
export function parseReadMode(value: string | null | undefined): ReadMode | null {
  return readModes.find((mode) => mode === value) ?? null;
}

export interface ReadModeFacts {
  /** `?read=` on this request: the switch on the page. */
  readonly asked: ReadMode | null;
  /** What the person switched to earlier in this visit (a cookie that ends with the browser). */
  readonly thisVisit: ReadMode | null;
  /** The account's saved preference, and whether the person ever chose it themselves. */
  readonly account: { readonly easyRead: boolean; readonly chosen: boolean };
  /** An easy-read need is recorded for this person on any of their cases. */
  readonly recordedNeed: boolean;
}

export type ReadModeSource = "page" | "visit" | "account" | "case" | "default";

export interface ResolvedReadMode {
  readonly mode: ReadMode;
  /** Why: lets the page say "you chose this" or "this is how your pages are set". */
  readonly source: ReadModeSource;
}

/** The account-level setting, before anything switched this visit. */
export function accountReadMode(
  account: ReadModeFacts["account"],
  recordedNeed: boolean,
): ResolvedReadMode {
  // A choice the person made themselves always stands, even "off" with a recorded need:
  // the need is a default for them, not a rule over them.
  if (account.chosen) return { mode: account.easyRead ? "easy" : "standard", source: "account" };
  if (account.easyRead) return { mode: "easy", source: "account" };
  if (recordedNeed) return { mode: "easy", source: "case" };
  return { mode: "standard", source: "default" };
}

export function resolveReadMode(facts: ReadModeFacts): ResolvedReadMode {
  if (facts.asked) return { mode: facts.asked, source: "page" };
  if (facts.thisVisit) return { mode: facts.thisVisit, source: "visit" };
  return accountReadMode(facts.account, facts.recordedNeed);
}
