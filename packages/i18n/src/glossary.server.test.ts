import { describe, expect, it } from "vitest";
import { languageCodes } from "./config.ts";
import { glossaryMatcher, glossText } from "./glossary-links.ts";
import { glossaryEntries, glossaryTerms, searchGlossary } from "./glossary.server.ts";

describe("the glossary's content", () => {
  for (const lng of languageCodes) {
    it(`${lng}: at least 40 terms, each with phrases that link back to itself`, () => {
      const terms = glossaryTerms(lng);
      expect(terms.length).toBeGreaterThanOrEqual(40);
      const matcher = glossaryMatcher(terms);
      for (const term of terms) {
        expect(term.phrases.length, `${lng}:${term.id}`).toBeGreaterThan(0);
        // The first phrase, in a sentence, links to this term (no other term steals it).
        const parts = glossText(`… ${term.phrases[0]} …`, matcher);
        const linked = parts.find((p) => p.kind === "term");
        expect(linked && linked.kind === "term" ? linked.termId : null, `${lng}:${term.id}`).toBe(
          term.id,
        );
      }
    });
  }

  for (const lng of languageCodes.filter((l) => l !== "en")) {
    it(`${lng}: is translated, not an English copy`, () => {
      const english = new Map(glossaryEntries("en").map((e) => [e.id, e]));
      for (const entry of glossaryEntries(lng)) {
        expect(entry.explanation, `${lng}:${entry.id}`).not.toBe(
          english.get(entry.id)?.explanation,
        );
        expect(entry.forYou, `${lng}:${entry.id}`).not.toBe(english.get(entry.id)?.forYou);
      }
    });
  }
});

describe("glossaryEntries", () => {
  it("sorts by the language's own alphabet", () => {
    const terms = glossaryEntries("en").map((e) => e.term);
    expect(terms).toEqual([...terms].sort((a, b) => a.localeCompare(b, "en")));
    expect(terms[0]).toBe("Adoption");
  });
});

describe("searchGlossary", () => {
  it("finds a term by a word of its name, explanation or meaning, ignoring case", () => {
    const ids = searchGlossary("en", "GUARDIANSHIP").map((e) => e.id);
    expect(ids).toContain("specialGuardianship");
    expect(ids).not.toContain("careOrder");
  });

  it("needs every word of the query", () => {
    expect(searchGlossary("en", "care order").map((e) => e.id)).toContain("careOrder");
    expect(searchGlossary("en", "care zzzz")).toEqual([]);
  });

  it("finds a term in another language by its English name too", () => {
    expect(searchGlossary("ar", "special guardianship").map((e) => e.id)).toContain(
      "specialGuardianship",
    );
    expect(searchGlossary("ar", "الوصاية").map((e) => e.id)).toContain("specialGuardianship");
  });

  it("returns everything for an empty query", () => {
    expect(searchGlossary("cy", "  ").length).toBe(glossaryEntries("cy").length);
  });
});
