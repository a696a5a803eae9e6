import { describe, expect, test } from "vitest";
import { compareClassifications, independentClassificationSchema } from "./dual-classification.ts";
import type { RiskEvidence } from "./risk.ts";

const medium: RiskEvidence = {
  riskFactors: "being_addressed",
  protectiveFactors: true,
  capacityToChange: true,
};

describe("two practitioners classify independently", () => {
  test("when both see the same evidence the classification is agreed", () => {
    expect(
      compareClassifications(
        { practitionerId: "amira", evidence: medium },
        { practitionerId: "ben", evidence: { ...medium } },
      ),
    ).toEqual({ ok: true, outcome: "agreed", level: "medium", evidence: medium });
  });

  test("when one sees capacity to change and the other does not, they confer on that", () => {
    expect(
      compareClassifications(
        { practitionerId: "amira", evidence: medium },
        { practitionerId: "ben", evidence: { ...medium, capacityToChange: false } },
      ),
    ).toEqual({
      ok: true,
      outcome: "confer",
      levels: ["medium", "high"],
      sameLevel: false,
      differingInputs: ["capacityToChange"],
    });
  });

  test("the same level reached by different routes still needs conferring", () => {
    const result = compareClassifications(
      { practitionerId: "amira", evidence: medium },
      { practitionerId: "ben", evidence: { ...medium, riskFactors: "not_addressed" } },
    );
    expect(result).toMatchObject({
      outcome: "confer",
      sameLevel: true,
      differingInputs: ["riskFactors"],
    });
  });

  test("one practitioner cannot be both classifiers", () => {
    expect(
      compareClassifications(
        { practitionerId: "amira", evidence: medium },
        { practitionerId: "amira", evidence: medium },
      ),
    ).toEqual({ ok: false, code: "SAME_PRACTITIONER" });
  });

  test("input is validated by its schema", () => {
    expect(
      independentClassificationSchema.safeParse({ practitionerId: "", evidence: medium }).success,
    ).toBe(false);
    expect(
      independentClassificationSchema.safeParse({ practitionerId: "ben", evidence: medium })
        .success,
    ).toBe(true);
  });
});
