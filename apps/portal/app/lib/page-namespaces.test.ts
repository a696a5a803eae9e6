import { familyNamespaces } from "@homeward/i18n";
import { describe, expect, it } from "vitest";
import { namespacesForPage, pagePath } from "./page-namespaces.ts";

describe("namespacesForPage", () => {
  it("sends a listed page the shell's namespaces and its own, and nothing else", () => {
    const agreement = namespacesForPage("/agreement");
    expect(agreement).toContain("common");
    expect(agreement).toContain("safety");
    expect(agreement).toContain("agreement");
    expect(agreement).not.toContain("wishes");
    expect(agreement).not.toContain("records");
  });

  it("treats sub-pages and client-side data requests like the page they belong to", () => {
    expect(namespacesForPage("/records/entry-1")).toEqual(namespacesForPage("/records"));
    expect(namespacesForPage("/records/entry-1.data")).toEqual(namespacesForPage("/records"));
    expect(namespacesForPage("/_root.data")).toEqual(namespacesForPage("/"));
    expect(pagePath("/agreement/print.data")).toBe("/agreement/print");
  });

  it("sends an unlisted address every family namespace but the mail and glossary texts", () => {
    const unknown = namespacesForPage("/a-new-page");
    expect(unknown).toEqual(familyNamespaces.filter((ns) => ns !== "mail" && ns !== "glossary"));
  });

  it("never sends the same namespace twice, and never the emails' texts", () => {
    for (const path of ["/", "/agreement", "/records/x", "/account", "/sign-in", "/nowhere"]) {
      const list = namespacesForPage(path);
      expect(new Set(list).size).toBe(list.length);
      expect(list).not.toContain("mail");
    }
  });
});
