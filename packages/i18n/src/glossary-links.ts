// Links glossary words inside the app's own translated text (issue 8; issue 5 "every legal
// or process term linked to its glossary entry"). Pure: text and the language's phrase list
// in, a list of plain and linked parts out, so the server renders real <a> links.

/** One glossary entry as the linker needs it: its id (the anchor) and the phrases to find. */
export type GlossaryTerm = { id: string; term: string; phrases: readonly string[] };

export type GlossedPart =
  | { kind: "text"; text: string }
  | { kind: "term"; text: string; termId: string; term: string };

// A "word character" in any script: letters, combining marks (Bengali and Arabic vowel signs
// are marks, so a match may not stop before one) and digits. \b only knows ASCII letters,
// so it would break Arabic, Bengali and Ethiopic words apart.
const WORD = "[\\p{L}\\p{M}\\p{N}]";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Any run of spaces (a line break, a no-break space) may stand between a phrase's words. */
function pattern(phrase: string): string {
  return phrase.trim().split(/\s+/u).map(escapeRegExp).join("\\s+");
}

/** Builds the matcher once per language; reuse it for every text on the page. */
export function glossaryMatcher(terms: readonly GlossaryTerm[]): {
  regex: RegExp | null;
  byPhrase: Map<string, GlossaryTerm>;
} {
  const byPhrase = new Map<string, GlossaryTerm>();
  for (const term of terms) {
    for (const phrase of term.phrases) {
      const key = normalise(phrase);
      // The first term to claim a phrase keeps it, so the result does not depend on order later.
      if (key && !byPhrase.has(key)) byPhrase.set(key, term);
    }
  }
  // Longest first: at one position the alternation takes the first alternative that fits,
  // so "interim care order" wins over "care order".
  const phrases = [...byPhrase.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  if (phrases.length === 0) return { regex: null, byPhrase };
  const source = `(?<!${WORD})(?:${phrases.map(pattern).join("|")})(?!${WORD})`;
  return { regex: new RegExp(source, "giu"), byPhrase };
}

function normalise(text: string): string {
  return text.trim().replace(/\s+/gu, " ").toLowerCase().replaceAll("’", "'");
}

/**
 * Splits `text` into parts, linking the first occurrence of each term (later ones stay plain
 * text: a paragraph full of links is harder to read, not easier). Whole words only, any case.
 */
export function glossText(
  text: string,
  matcher: ReturnType<typeof glossaryMatcher>,
): GlossedPart[] {
  const { regex, byPhrase } = matcher;
  if (!regex || text === "") return text === "" ? [] : [{ kind: "text", text }];
  const parts: GlossedPart[] = [];
  const linked = new Set<string>();
  let plainFrom = 0;
  for (const match of text.matchAll(regex)) {
    const found = match[0];
    const term = byPhrase.get(normalise(found));
    if (!term || linked.has(term.id)) continue;
    linked.add(term.id);
    const at = match.index ?? 0;
    if (at > plainFrom) parts.push({ kind: "text", text: text.slice(plainFrom, at) });
    parts.push({ kind: "term", text: found, termId: term.id, term: term.term });
    plainFrom = at + found.length;
  }
  if (plainFrom < text.length) parts.push({ kind: "text", text: text.slice(plainFrom) });
  return parts;
}

/** Reads the phrase list from a "|"-separated string, as the glossary namespace stores it. */
export function phrasesOf(matches: string): string[] {
  return matches
    .split("|")
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

export type KeptPart = GlossedPart | { kind: "kept"; text: string };

/**
 * Like glossText, for an app sentence with what someone wrote inserted into it ("Goal: {{goal}}"):
 * the `kept` values are returned untouched as "kept" parts (their words are theirs, never
 * glossed), the app's words around them are glossed, and each term is still linked only once
 * in the whole sentence. Empty values are ignored; the earliest, then longest, value wins.
 */
export function glossAround(
  text: string,
  kept: readonly (string | null | undefined)[],
  matcher: ReturnType<typeof glossaryMatcher>,
): KeptPart[] {
  const values = [...new Set(kept.filter((v): v is string => Boolean(v)))].sort(
    (a, b) => b.length - a.length,
  );
  const parts: KeptPart[] = [];
  const linked = new Set<string>();
  const gloss = (plain: string) => {
    for (const part of glossText(plain, matcher)) {
      if (part.kind === "term" && linked.has(part.termId)) {
        parts.push({ kind: "text", text: part.text });
      } else {
        if (part.kind === "term") linked.add(part.termId);
        parts.push(part);
      }
    }
  };
  let from = 0;
  while (from < text.length) {
    let at = -1;
    let value = "";
    for (const v of values) {
      const i = text.indexOf(v, from);
      if (i !== -1 && (at === -1 || i < at)) {
        at = i;
        value = v;
      }
    }
    if (at === -1) break;
    if (at > from) gloss(text.slice(from, at));
    parts.push({ kind: "kept", text: value });
    from = at + value.length;
  }
  if (from < text.length) gloss(text.slice(from));
  // Neighbouring plain parts read as one text.
  return parts.reduce<KeptPart[]>((out, part) => {
    const last = out.at(-1);
    if (last?.kind === "text" && part.kind === "text") last.text += part.text;
    else out.push(part.kind === "text" ? { ...part } : part);
    return out;
  }, []);
}
