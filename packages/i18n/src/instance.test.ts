import { afterEach, describe, expect, it } from "vitest";
import { createTranslator, reportMissingKeysTo } from "./instance.ts";

const bundle = {
  lng: "en" as const,
  dir: "ltr" as const,
  resources: { common: { hello: "Hello" } },
};

describe("missing-key reports", () => {
  afterEach(() => reportMissingKeysTo(null));

  it("reports a key the bundle lacks, and a namespace it was not sent", () => {
    const seen: string[] = [];
    reportMissingKeysTo((lng, ns, key) => seen.push(`${lng} ${ns}:${key}`));
    const t = createTranslator(bundle).t;
    expect(t("hello")).toBe("Hello");
    t("goodbye");
    t("agreement:title");
    expect(seen).toEqual(["en common:goodbye", "en agreement:title"]);
  });

  it("does not report a call that names its own default", () => {
    const seen: string[] = [];
    reportMissingKeysTo((lng, ns, key) => seen.push(`${lng} ${ns}:${key}`));
    const t = createTranslator(bundle).t;
    expect(t("actions.somethingNew", { defaultValue: "somethingNew" })).toBe("somethingNew");
    expect(seen).toEqual([]);
  });

  it("reports nothing when no one listens", () => {
    const t = createTranslator(bundle).t;
    expect(t("goodbye")).toBe("goodbye");
  });
});
