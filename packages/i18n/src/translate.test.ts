import { afterEach, describe, expect, it } from "vitest";
import { languageCodes, namespacesOf } from "./config.ts";
import { bundleFor, createTranslator, reportMissingKeysTo } from "./instance.ts";
import { resources } from "./resources.ts";
import { createPageTranslator } from "./translate.ts";

function leaves(node: unknown, prefix = ""): [string, string][] {
  if (typeof node === "string") return [[prefix, node]];
  if (typeof node !== "object" || node === null) return [];
  return Object.entries(node).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

// Values of every kind a page inserts: a number (written in the language's digits), a Latin
// name, an Arabic name (isolated for bidi), and a date-like string.
const samples = [1234, "Leah Morgan", "أميرة حداد", "3 December 2026"];

describe("the pages' translator gives i18next's text", () => {
  it.each(languageCodes)("for every key of every namespace in %s", (lng) => {
    const bundle = bundleFor(lng, resources, namespacesOf(lng));
    const reference = createTranslator(bundle);
    const ours = createPageTranslator(bundle).fixedT("common");
    let compared = 0;
    for (const ns of namespacesOf(lng)) {
      for (const [key, text] of leaves(bundle.resources[ns])) {
        const names = [...text.matchAll(/\{\{\s*-?\s*([^{}]+?)\s*\}\}/g)].map((m) => m[1] ?? "");
        const values = Object.fromEntries(
          names.map((name, index) => [name, samples[index % samples.length]]),
        );
        const options = names.length > 0 ? values : undefined;
        expect(ours(`${ns}:${key}`, options)).toBe(reference.t(`${ns}:${key}`, options));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});

describe("the translations use nothing the pages' translator lacks", () => {
  it("has no plural or context variants, nesting or formatters, in any language", () => {
    const unsupported: string[] = [];
    for (const lng of languageCodes) {
      for (const ns of namespacesOf(lng)) {
        for (const [key, text] of leaves(resources[lng][ns])) {
          if (/_(zero|one|two|few|many|other)$/.test(key)) unsupported.push(`${lng} ${ns}:${key}`);
          if (/\$t\(|\{\{[^}]*,[^}]*\}\}/.test(text)) unsupported.push(`${lng} ${ns}:${key}`);
        }
      }
    }
    expect(unsupported).toEqual([]);
  });
});

describe("createPageTranslator", () => {
  afterEach(() => reportMissingKeysTo(null));
  const bundle = {
    lng: "ar" as const,
    dir: "rtl" as const,
    resources: { common: { hi: "مرحبا {{name}}", n: "{{count}} ملفات", deep: { key: "x" } } },
  };

  it("reads nested keys, other namespaces' prefixes, and the default namespace", () => {
    const t = createPageTranslator(bundle).fixedT("common");
    expect(t("deep.key")).toBe("x");
    expect(t("common:deep.key")).toBe("x");
  });

  it("writes numbers in the language's digits and isolates inserted text", () => {
    const t = createPageTranslator(bundle).fixedT("common");
    // Arabic pages use the digits 0-9 (decision 011); Pashto its own.
    expect(t("n", { count: 3 })).toBe("3 ملفات");
    const pashto = createPageTranslator({ ...bundle, lng: "ps" }).fixedT("common");
    expect(pashto("n", { count: 3 })).toBe("۳ ملفات");
    expect(t("hi", { name: "Leah" })).toBe("مرحبا \u2068Leah\u2069");
  });

  it("keeps a placeholder it was given no value for, and uses a default it was given", () => {
    const t = createPageTranslator(bundle).fixedT("common");
    expect(t("hi")).toBe("مرحبا {{name}}");
    expect(t("missing.key", { defaultValue: "later" })).toBe("later");
  });

  it("reports a missing key and answers with the key, as i18next does", () => {
    const seen: string[] = [];
    reportMissingKeysTo((lng, ns, key) => seen.push(`${lng} ${ns}:${key}`));
    const t = createPageTranslator(bundle).fixedT("common");
    expect(t("agreement:title")).toBe("title");
    expect(t("nothing")).toBe("nothing");
    expect(seen).toEqual(["ar agreement:title", "ar common:nothing"]);
  });
});
