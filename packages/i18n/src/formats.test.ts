import { describe, expect, it } from "vitest";
import { dateTimeFormat, numberFormat } from "./formats.ts";

describe("shared Intl formatters", () => {
  it("returns the same formatter for the same locale and options, and formats as Intl does", () => {
    const options = { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" } as const;
    const first = dateTimeFormat("en-GB", options);
    expect(dateTimeFormat("en-GB", { ...options })).toBe(first);
    expect(first.format(new Date("2026-12-03T00:00:00Z"))).toBe("3 December 2026");
  });

  it("keeps formatters for different locales or options apart", () => {
    expect(dateTimeFormat("cy", { month: "long", timeZone: "UTC" })).not.toBe(
      dateTimeFormat("en-GB", { month: "long", timeZone: "UTC" }),
    );
    expect(numberFormat("en-GB")).not.toBe(numberFormat("en-GB", { useGrouping: false }));
    expect(numberFormat("en-GB").format(12345)).toBe("12,345");
    expect(numberFormat("en-GB", { useGrouping: false }).format(12345)).toBe("12345");
  });
});
