import { describe, expect, it } from "vitest";
import { languageCodes, namespaces } from "./config.ts";
import { type Messages, resources } from "./resources.ts";
import status from "../translation-status.json" with { type: "json" };

function flatten(messages: Messages, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();

describe("translations", () => {
  for (const ns of namespaces) {
    const english = flatten(resources.en[ns]);
    for (const lng of languageCodes.filter((l) => l !== "en")) {
      it(`${lng}/${ns} has every English key, no extra key, and no empty text`, () => {
        const other = flatten(resources[lng][ns]);
        expect([...other.keys()].sort()).toEqual([...english.keys()].sort());
        for (const [key, value] of other) expect(value.trim(), `${lng}:${ns}:${key}`).not.toBe("");
      });
      it(`${lng}/${ns} keeps every placeholder`, () => {
        const other = flatten(resources[lng][ns]);
        for (const [key, value] of english) {
          expect(placeholders(other.get(key) ?? ""), `${lng}:${ns}:${key}`).toEqual(
            placeholders(value),
          );
        }
      });
    }
  }

  it("records a review status for every shipped language", () => {
    for (const lng of languageCodes) {
      expect(["source", "drafted", "reviewed"]).toContain(
        (status as unknown as Record<string, { status: string }>)[lng]?.status,
      );
    }
  });
});
