import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { familyNamespaces, languageCodes, namespaces, namespacesOf } from "./config.ts";
import { renderResources } from "../scripts/generate-resources.ts";
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
    const english = flatten(resources.en[ns] ?? {});
    for (const lng of languageCodes.filter((l) => l !== "en" && namespacesOf(l).includes(ns))) {
      it(`${lng}/${ns} has every English key, no extra key, and no empty text`, () => {
        const other = flatten(resources[lng][ns] ?? {});
        expect([...other.keys()].sort()).toEqual([...english.keys()].sort());
        for (const [key, value] of other) expect(value.trim(), `${lng}:${ns}:${key}`).not.toBe("");
      });
      it(`${lng}/${ns} keeps every placeholder`, () => {
        const other = flatten(resources[lng][ns] ?? {});
        for (const [key, value] of english) {
          expect(placeholders(other.get(key) ?? ""), `${lng}:${ns}:${key}`).toEqual(
            placeholders(value),
          );
        }
      });
    }
  }

  it("has every family namespace in every shipped language", () => {
    for (const lng of languageCodes) {
      for (const ns of familyNamespaces) expect(resources[lng][ns], `${lng}/${ns}`).toBeDefined();
    }
  });

  it("src/resources.ts is what the generator writes (run `pnpm generate` after adding a file)", () => {
    const written = readFileSync(new URL("./resources.ts", import.meta.url), "utf8");
    const formatted = execFileSync("pnpm", ["exec", "biome", "format", "--stdin-file-path=x.ts"], {
      input: renderResources(),
      encoding: "utf8",
    });
    expect(written).toBe(formatted);
  });

  it("records a review status for every shipped language", () => {
    for (const lng of languageCodes) {
      expect(["source", "drafted", "reviewed"]).toContain(
        (status as unknown as Record<string, { status: string }>)[lng]?.status,
      );
    }
  });
});
