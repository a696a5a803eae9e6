import { describe, expect, test } from "vitest";
import en from "../../i18n/src/locales/en/rules.json" with { type: "json" };
import {
  AGREEMENT_PROBLEM_CODES,
  AGREEMENT_STATUS_ERROR_CODES,
  AGREEMENT_STATUSES,
  GOAL_PARTS,
  GOAL_PROGRESS,
  GOAL_STATUS_ERROR_CODES,
  GOAL_STATUSES,
  PLAN_PARTS,
  REVIEW_ERROR_CODES,
  REVIEW_STATUSES,
} from "./agreements.ts";
import { DUAL_CLASSIFICATION_ERROR_CODES, EVIDENCE_INPUTS } from "./dual-classification.ts";
import { ELIGIBILITY_NOTES, INELIGIBILITY_CODES, LEGAL_STATUSES } from "./eligibility.ts";
import { DECISIONS, FINDINGS, HELD_BACK_REASONS, NEEDED_CHANGES } from "./explanations.ts";
import { FACTOR_DIRECTIONS, FACTOR_DOMAINS, FACTOR_IDS, FACTOR_OUTCOMES } from "./factors.ts";
import { RISK_FACTOR_STATES, RISK_HISTORY_ERROR_CODES, RISK_LEVELS } from "./risk.ts";
import { CASE_STEPS, MILESTONES, STAGE_BLOCKERS, STAGE_MOVE_ERROR_CODES } from "./stages.ts";
import {
  MONITORING_ERROR_CODES,
  RECLASSIFICATION_REASONS,
  TIMEFRAME_CONFLICTS,
  VISIT_FREQUENCIES,
} from "./timeframes.ts";

// The apps turn every id and code this package returns into words through the `rules`
// namespace of @homeward/i18n. This keeps the English file and the code in step.

const ERROR_CODES = [
  ...RISK_HISTORY_ERROR_CODES,
  ...INELIGIBILITY_CODES,
  ...DUAL_CLASSIFICATION_ERROR_CODES,
  ...GOAL_STATUS_ERROR_CODES,
  ...AGREEMENT_PROBLEM_CODES,
  ...AGREEMENT_STATUS_ERROR_CODES,
  ...REVIEW_ERROR_CODES,
  ...MONITORING_ERROR_CODES,
  ...STAGE_MOVE_ERROR_CODES,
];

const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  riskLevels: RISK_LEVELS,
  riskLevelMeanings: RISK_LEVELS,
  riskFactorStates: RISK_FACTOR_STATES,
  evidenceInputs: EVIDENCE_INPUTS,
  stages: CASE_STEPS,
  milestones: MILESTONES,
  stageBlockers: STAGE_BLOCKERS,
  legalStatuses: LEGAL_STATUSES,
  eligibilityNotes: ELIGIBILITY_NOTES,
  factorDomains: FACTOR_DOMAINS,
  factorDirections: FACTOR_DIRECTIONS,
  factorOutcomes: FACTOR_OUTCOMES,
  factors: FACTOR_IDS,
  goalParts: GOAL_PARTS,
  goalStatuses: GOAL_STATUSES,
  goalProgress: GOAL_PROGRESS,
  agreementStatuses: AGREEMENT_STATUSES,
  reviewStatuses: REVIEW_STATUSES,
  planParts: PLAN_PARTS,
  visitFrequencies: VISIT_FREQUENCIES,
  reclassificationReasons: RECLASSIFICATION_REASONS,
  timeframeConflicts: TIMEFRAME_CONFLICTS,
  "explanations.decisions": DECISIONS,
  "explanations.findings": FINDINGS,
  "explanations.heldBack": HELD_BACK_REASONS,
  "explanations.needed": NEEDED_CHANGES,
  errors: [...new Set(ERROR_CODES)],
};

type Messages = { readonly [key: string]: string | Messages };

function group(path: string): Messages {
  const found = path
    .split(".")
    .reduce<Messages | string | undefined>(
      (node, key) => (typeof node === "object" ? node[key] : undefined),
      en as Messages,
    );
  return typeof found === "object" ? found : {};
}

describe("English labels for every id and code", () => {
  test.each(Object.entries(EXPECTED))(
    "%s: one plain label per id, and no stale ones",
    (path, ids) => {
      const labels = group(path);
      expect(Object.keys(labels).toSorted()).toEqual([...ids].toSorted());
      for (const id of ids) {
        const label = labels[id];
        expect(typeof label === "string" && label.trim() !== "", `${path}.${id}`).toBe(true);
      }
    },
  );

  test("the file holds nothing else", () => {
    const tops = new Set(Object.keys(EXPECTED).map((path) => path.split(".")[0]));
    expect(Object.keys(en).toSorted()).toEqual([...tops].toSorted());
  });
});
