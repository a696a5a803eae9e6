import { describe, expect, it } from "vitest";
import {
  type GlossaryTerm,
  glossAround,
  glossaryMatcher,
  glossText,
  phrasesOf,
} from "./glossary-links.ts";

const english: GlossaryTerm[] = [
  { id: "careOrder", term: "Care order", phrases: ["care order", "care orders"] },
  { id: "interimCareOrder", term: "Interim care order", phrases: ["interim care order"] },
  { id: "iro", term: "Independent Reviewing Officer (IRO)", phrases: ["IRO"] },
  { id: "section20", term: "Section 20", phrases: ["section 20"] },
];

const linked = (text: string, terms: GlossaryTerm[]) =>
  glossText(text, glossaryMatcher(terms))
    .filter((p) => p.kind === "term")
    .map((p) => (p.kind === "term" ? [p.text, p.termId] : []));

const joined = (text: string, terms: GlossaryTerm[]) =>
  glossText(text, glossaryMatcher(terms))
    .map((p) => p.text)
    .join("");

describe("glossText", () => {
  it("links a term and keeps the text around it, in order", () => {
    expect(glossText("Your child is under a care order now.", glossaryMatcher(english))).toEqual([
      { kind: "text", text: "Your child is under a " },
      { kind: "term", text: "care order", termId: "careOrder", term: "Care order" },
      { kind: "text", text: " now." },
    ]);
  });

  it("prefers the longest phrase: an interim care order is not a care order", () => {
    expect(linked("The judge made an interim care order.", english)).toEqual([
      ["interim care order", "interimCareOrder"],
    ]);
  });

  it("links only the first time a term appears", () => {
    const text = "A care order lasts until 18. The care order can be ended by the court.";
    expect(linked(text, english)).toEqual([["care order", "careOrder"]]);
    expect(joined(text, english)).toBe(text);
  });

  it("treats the plural as the same term, linked once", () => {
    expect(linked("Care orders and a care order", english)).toEqual([["Care orders", "careOrder"]]);
  });

  it("ignores case and keeps the text's own capitals", () => {
    expect(linked("Ask the iro.", english)).toEqual([["iro", "iro"]]);
    expect(linked("SECTION 20 means", english)).toEqual([["SECTION 20", "section20"]]);
  });

  it("never links inside a word", () => {
    expect(linked("Miro and Pirouette", english)).toEqual([]);
    expect(linked("section 200 of the act", english)).toEqual([]);
    expect(linked("carers order", english)).toEqual([]);
  });

  it("matches across a line break or a no-break space", () => {
    expect(linked("a care\norder", english)).toEqual([["care\norder", "careOrder"]]);
    expect(linked("a care\u00a0order", english)).toEqual([["care\u00a0order", "careOrder"]]);
  });

  it("links Welsh phrases, including a mutated form listed in the phrases", () => {
    const welsh: GlossaryTerm[] = [
      {
        id: "careOrder",
        term: "Gorchymyn gofal",
        phrases: ["gorchymyn gofal", "ngorchymyn gofal"],
      },
    ];
    expect(linked("Mae eich plentyn dan orchymyn gofal, yn ôl y gorchymyn gofal.", welsh)).toEqual([
      ["gorchymyn gofal", "careOrder"],
    ]);
    expect(linked("yn ei ngorchymyn gofal", welsh)).toEqual([["ngorchymyn gofal", "careOrder"]]);
  });

  it("links Arabic words whole, without \\b (which does not know Arabic letters)", () => {
    const arabic: GlossaryTerm[] = [
      { id: "careOrder", term: "أمر الرعاية", phrases: ["أمر الرعاية"] },
    ];
    expect(linked("صدر أمر الرعاية من المحكمة.", arabic)).toEqual([["أمر الرعاية", "careOrder"]]);
    // Joined to a longer word ("الرعايات"), it is a different word and stays plain.
    expect(linked("أمر الرعايات", arabic)).toEqual([]);
  });

  it("links Bengali words whole and does not stop before a vowel sign", () => {
    const bengali: GlossaryTerm[] = [{ id: "advocate", term: "অ্যাডভোকেট", phrases: ["অ্যাডভোকেট"] }];
    expect(linked("আপনি একজন অ্যাডভোকেট চাইতে পারেন।", bengali)).toEqual([["অ্যাডভোকেট", "advocate"]]);
    // A vowel sign (a combining mark) after the phrase means the word goes on.
    expect(linked("অ্যাডভোকেটা", bengali)).toEqual([]);
  });

  it("links Tigrinya (Ethiopic script) words whole", () => {
    const tigrinya: GlossaryTerm[] = [{ id: "court", term: "ቤት ፍርዲ", phrases: ["ቤት ፍርዲ"] }];
    expect(linked("ናብ ቤት ፍርዲ ክትከዱ ትኽእሉ።", tigrinya)).toEqual([["ቤት ፍርዲ", "court"]]);
    expect(linked("ቤት ፍርድታት", tigrinya)).toEqual([]);
  });

  it("returns the text unchanged when there is nothing to link", () => {
    expect(glossText("Nothing here.", glossaryMatcher(english))).toEqual([
      { kind: "text", text: "Nothing here." },
    ]);
    expect(glossText("", glossaryMatcher(english))).toEqual([]);
    expect(glossText("care order", glossaryMatcher([]))).toEqual([
      { kind: "text", text: "care order" },
    ]);
  });

  it("treats regular-expression characters in phrases as plain text", () => {
    const terms: GlossaryTerm[] = [{ id: "x", term: "C++ (plan)", phrases: ["C++ (plan)", "a.b"] }];
    expect(linked("see C++ (plan) and axb", terms)).toEqual([["C++ (plan)", "x"]]);
  });
});

describe("phrasesOf", () => {
  it("splits the stored list on | and drops empty pieces", () => {
    expect(phrasesOf("care order| care orders ||")).toEqual(["care order", "care orders"]);
  });
});

describe("glossAround", () => {
  const matcher = glossaryMatcher([
    ...english,
    { id: "goal", term: "Goal", phrases: ["goal", "goals"] },
  ]);

  it("glosses the app's words and keeps what someone wrote as written", () => {
    const title = "Keep the care order appointments";
    expect(glossAround(`Goal: ${title}`, [title], matcher)).toEqual([
      { kind: "term", text: "Goal", termId: "goal", term: "Goal" },
      { kind: "text", text: ": " },
      { kind: "kept", text: title },
    ]);
  });

  it("links a term once across the whole sentence, around the kept parts", () => {
    const parts = glossAround("A care order: X. Another care order.", ["X"], matcher);
    expect(parts.filter((p) => p.kind === "term")).toHaveLength(1);
    expect(parts.map((p) => p.text).join("")).toBe("A care order: X. Another care order.");
  });

  it("keeps every occurrence, ignores empty values and glosses plainly without any", () => {
    const parts = glossAround("goal X and X", ["X", "", null, undefined], matcher);
    expect(parts.filter((p) => p.kind === "kept")).toHaveLength(2);
    expect(glossAround("a goal", [], matcher)).toEqual(glossText("a goal", matcher));
  });
});
