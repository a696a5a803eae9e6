import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  addDays,
  addMonths,
  addWeeks,
  ageInYears,
  compareDates,
  daysBetween,
  daysInMonth,
  earlierOf,
  isIsoDate,
  laterOf,
} from "./dates.ts";
import { isoDateSchema } from "./date-schema.ts";

// Cross-checks against the platform's own UTC calendar (Date with an explicit argument).
const viaDate = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const dateArb = fc
  .date({
    min: new Date("1900-01-01T00:00:00Z"),
    max: new Date("2200-12-31T00:00:00Z"),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

describe("reading dates", () => {
  test.each([
    ["2024-02-29", true],
    ["2023-02-29", false],
    ["2000-02-29", true],
    ["1900-02-29", false],
    ["2024-04-31", false],
    ["2024-13-01", false],
    ["2024-00-10", false],
    ["2024-01-00", false],
    ["0000-01-01", false],
    ["2024-1-1", false],
    ["2024-01-01T00:00:00Z", false],
  ])("%s is a calendar date: %s", (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
    expect(isoDateSchema.safeParse(value).success).toBe(expected);
  });

  test("only strings are dates", () => {
    expect(isIsoDate(20240101)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });

  test("arithmetic on a malformed date is a caller bug and throws", () => {
    expect(() => addDays("2024-02-30", 1)).toThrow(RangeError);
    expect(() => addMonths("9999-12-01", 1)).toThrow(RangeError);
  });

  test("days in each month, leap years included", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2023, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2024, 2)).toBe(29);
  });
});

describe("six calendar months", () => {
  test("31 August plus six months is the last day of February", () => {
    expect(addMonths("2023-08-31", 6)).toBe("2024-02-29");
    expect(addMonths("2022-08-31", 6)).toBe("2023-02-28");
  });

  test("an ordinary day keeps its number", () => {
    expect(addMonths("2024-01-15", 6)).toBe("2024-07-15");
    expect(addMonths("2024-09-30", 6)).toBe("2025-03-30");
  });

  test("months can be subtracted and cross years", () => {
    expect(addMonths("2024-03-31", -1)).toBe("2024-02-29");
    expect(addMonths("2024-01-31", -13)).toBe("2022-12-31");
    expect(addMonths("2024-11-30", 14)).toBe("2026-01-30");
  });

  test("adding months never lands before the same day-of-month's month, and never overshoots", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -36, max: 36 }), (date, months) => {
        const result = addMonths(date, months);
        const [y, m] = date.split("-").map(Number) as [number, number];
        const [ry, rm, rd] = result.split("-").map(Number) as [number, number, number];
        expect(ry * 12 + rm - (y * 12 + m)).toBe(months);
        expect(rd).toBeLessThanOrEqual(Number(date.slice(8)));
      }),
      { numRuns: 300 },
    );
  });
});

describe("days and weeks", () => {
  test("adding days agrees with the UTC calendar", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -5000, max: 5000 }), (date, days) => {
        expect(addDays(date, days)).toBe(viaDate(date, days));
        expect(daysBetween(date, addDays(date, days))).toBe(days);
      }),
      { numRuns: 300 },
    );
  });

  test("26 weeks is 182 days", () => {
    expect(addWeeks("2024-01-01", 26)).toBe("2024-07-01");
    expect(daysBetween("2024-01-01", "2024-07-01")).toBe(182);
  });

  test("comparing and choosing dates", () => {
    expect(compareDates("2024-01-01", "2024-01-02")).toBeLessThan(0);
    expect(compareDates("2024-01-02", "2024-01-02")).toBe(0);
    expect(laterOf("2024-01-01", "2023-12-31")).toBe("2024-01-01");
    expect(laterOf("2023-12-31", "2024-01-01")).toBe("2024-01-01");
    expect(earlierOf("2024-01-01", "2023-12-31")).toBe("2023-12-31");
    expect(earlierOf("2023-12-31", "2024-01-01")).toBe("2023-12-31");
  });
});

describe("age", () => {
  test("a child turns one on their first birthday", () => {
    expect(ageInYears("2023-05-10", "2024-05-09")).toBe(0);
    expect(ageInYears("2023-05-10", "2024-05-10")).toBe(1);
  });

  test("a 29 February birthday counts from 28 February in other years", () => {
    expect(ageInYears("2020-02-29", "2021-02-27")).toBe(0);
    expect(ageInYears("2020-02-29", "2021-02-28")).toBe(1);
  });
});
