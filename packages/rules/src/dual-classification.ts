import { z } from "zod";
import { classifyRisk, type RiskEvidence, type RiskLevel, riskEvidenceSchema } from "./risk.ts";

// Two practitioners classify risk independently, then confer to an agreed classification:
// framework.md, "The five stages" 2; report, "Analysis and making judgements on the severity
// of risk" ("carried out independently by two social workers in the team").
// ("report" is shared/seeds/taking-care-evaluation-report-2015.txt.)

/** One practitioner's classification, made without seeing the other's. */
export interface IndependentClassification {
  readonly practitionerId: string;
  readonly evidence: RiskEvidence;
}

export const independentClassificationSchema = z.object({
  practitionerId: z.string().min(1),
  evidence: riskEvidenceSchema,
});

/** The three inputs of the table, named as in `RiskEvidence`. */
export const EVIDENCE_INPUTS = ["riskFactors", "protectiveFactors", "capacityToChange"] as const;
export type EvidenceInput = (typeof EVIDENCE_INPUTS)[number];

export const DUAL_CLASSIFICATION_ERROR_CODES = ["SAME_PRACTITIONER"] as const;
export type DualClassificationErrorCode = (typeof DUAL_CLASSIFICATION_ERROR_CODES)[number];

export type DualClassificationResult =
  | {
      readonly ok: true;
      readonly outcome: "agreed";
      readonly level: RiskLevel;
      readonly evidence: RiskEvidence;
    }
  | {
      readonly ok: true;
      readonly outcome: "confer";
      readonly levels: readonly [RiskLevel, RiskLevel];
      /** Same level by different routes still needs conferring: the agreement rests on the inputs. */
      readonly sameLevel: boolean;
      readonly differingInputs: readonly EvidenceInput[];
    }
  | { readonly ok: false; readonly code: DualClassificationErrorCode };

/**
 * Compares two independent classifications. Agreed only when every input matches; otherwise
 * the practitioners confer, and the result names the inputs they saw differently so the
 * conversation starts there.
 */
export function compareClassifications(
  first: IndependentClassification,
  second: IndependentClassification,
): DualClassificationResult {
  // Independence needs two people: one practitioner twice is not a second opinion.
  if (first.practitionerId === second.practitionerId)
    return { ok: false, code: "SAME_PRACTITIONER" };
  const differingInputs = EVIDENCE_INPUTS.filter(
    (input) => first.evidence[input] !== second.evidence[input],
  );
  const firstLevel = classifyRisk(first.evidence).level;
  const secondLevel = classifyRisk(second.evidence).level;
  if (differingInputs.length === 0) {
    return { ok: true, outcome: "agreed", level: firstLevel, evidence: first.evidence };
  }
  return {
    ok: true,
    outcome: "confer",
    levels: [firstLevel, secondLevel],
    sameLevel: firstLevel === secondLevel,
    differingInputs,
  };
}
