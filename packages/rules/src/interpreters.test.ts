import { describe, expect, it } from "vitest";
import { checkInterpreterPeriod } from "./interpreters.ts";

const today = "2026-11-26";

describe("an interpreter's period", () => {
  it("may start today and end months later", () => {
    expect(checkInterpreterPeriod({ from: today, until: "2027-03-31", today })).toEqual({
      ok: true,
    });
  });
  it("may start later, and be a single day", () => {
    expect(checkInterpreterPeriod({ from: "2026-12-03", until: "2026-12-03", today })).toEqual({
      ok: true,
    });
  });
  it("may not end before it starts", () => {
    expect(checkInterpreterPeriod({ from: "2026-12-10", until: "2026-12-09", today })).toEqual({
      ok: false,
      code: "ENDS_BEFORE_START",
    });
  });
  it("may not have ended already", () => {
    expect(checkInterpreterPeriod({ from: "2026-11-01", until: "2026-11-25", today })).toEqual({
      ok: false,
      code: "ENDS_IN_PAST",
    });
  });
  it("is not backdated", () => {
    expect(checkInterpreterPeriod({ from: "2026-11-25", until: "2027-01-31", today })).toEqual({
      ok: false,
      code: "STARTS_IN_PAST",
    });
  });
});
