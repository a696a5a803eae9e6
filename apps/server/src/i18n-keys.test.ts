// Every literal translation key used in the apps and shared components exists in English
// (and so, by the i18n package's own test, in every shipped language).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { namespaces } from "@homeward/i18n";
import { resources } from "@homeward/i18n/server";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./env.ts";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules" || name === "build" || name.startsWith(".")) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(tsx?|ts)$/.test(name) && !name.endsWith(".test.ts") ? [path] : [];
  });
}

function lookup(ns: string, key: string): unknown {
  let node: unknown = (resources.en as Record<string, unknown>)[ns];
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

const roots = [
  "apps/portal/app",
  "apps/practitioner/app",
  "packages/ui/src",
  "packages/runtime/src",
  "packages/services/src",
];

describe("translation keys used in code", () => {
  it("all exist in English", () => {
    const missing: string[] = [];
    let checked = 0;
    for (const root of roots) {
      for (const file of sourceFiles(join(repoRoot, root))) {
        const text = readFileSync(file, "utf8");
        // A file may translate with several namespaces (one per component, or a fixed-language
        // translator for mail): an un-prefixed key must exist in one of them.
        const fileNamespaces = [
          ...[...text.matchAll(/(?:useTranslation|getFixedT)\([^)]*?"(\w+)",?\s*\)/g)].map(
            (m) => m[1] as string,
          ),
          ...(/useTranslation\(\s*\)/.test(text) ? ["common"] : []),
        ];
        // A file that picks its namespace at run time names the ones it may use in a
        // comment ("// i18n-namespaces: advocacy interpretingMore"): each key must then
        // exist in every one of them.
        const declared = text
          .match(/\/\/ i18n-namespaces: ([\w ]+)/)?.[1]
          ?.trim()
          .split(/\s+/);
        const candidates = fileNamespaces.length > 0 ? fileNamespaces : ["common"];
        // t("key"), t("ns:key"), and i18n keys returned by actions/schemas ("ns:a.b").
        const calls = [...text.matchAll(/\bt\(\s*"([\w:.-]+)"/g)].map((m) => m[1] as string);
        const namespaced = new RegExp(`"((?:${namespaces.join("|")}):[\\w.-]+)"`, "g");
        const returned = [...text.matchAll(namespaced)].map((m) => m[1] as string);
        for (const raw of [...calls, ...returned]) {
          const [namespaces, key] = raw.includes(":")
            ? [[raw.split(":")[0] as string], raw.split(":")[1] as string]
            : [declared ?? candidates, raw];
          checked++;
          const found =
            declared && !raw.includes(":")
              ? declared.every((ns) => typeof lookup(ns, key) === "string")
              : namespaces.some((ns) => typeof lookup(ns, key) === "string");
          if (!found) missing.push(`${file.replace(repoRoot, "")}: ${namespaces.join("|")}:${key}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });
});
