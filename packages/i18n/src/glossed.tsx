// <Glossed text> renders the app's own translated text with its glossary words linked to
// /glossary#<id> (issue 8). Plain <a> links, so they work without JavaScript. Only for
// the app's texts: never pass what a person typed (notes, reasons), which is theirs; when a
// sentence has what someone wrote inserted into it, name those values in `keep`.
import { createContext, Fragment, type ReactNode, useContext, useMemo } from "react";
import { type GlossaryTerm, glossAround, glossaryMatcher } from "./glossary-links.ts";

type Matcher = ReturnType<typeof glossaryMatcher>;

const GlossaryContext = createContext<{
  matcher: Matcher;
  href: string;
  lang: string | undefined;
} | null>(null);

// One matcher per list of terms: a page with a provider per paragraph (the side-by-side
// view's columns) builds each language's pattern once, not once per paragraph.
const matchers = new WeakMap<readonly GlossaryTerm[], Matcher>();
function matcherOf(terms: readonly GlossaryTerm[]): Matcher {
  let matcher = matchers.get(terms);
  if (!matcher) {
    matcher = glossaryMatcher(terms);
    matchers.set(terms, matcher);
  }
  return matcher;
}

/**
 * Once at the app root, with the current language's terms (glossaryTerms on the server). A
 * part of the page in another language (a column of the interpreter's side-by-side view)
 * gets its own provider with that language's terms, an `href` that opens the glossary in it
 * (`/glossary?lng=ar`), and `lang`, which the links announce as `hreflang`.
 */
export function GlossaryProvider({
  terms,
  href = "/glossary",
  lang,
  children,
}: {
  terms: readonly GlossaryTerm[];
  /** @default '/glossary' */
  href?: string;
  lang?: string;
  children: ReactNode;
}) {
  const value = useMemo(() => ({ matcher: matcherOf(terms), href, lang }), [terms, href, lang]);
  return <GlossaryContext.Provider value={value}>{children}</GlossaryContext.Provider>;
}

/**
 * The text with the first occurrence of each glossary term linked; plain text without a
 * provider. `keep`: values inserted into the sentence that someone wrote (a goal, a title):
 * shown as written, never glossed, in their own direction (`dir="auto"`).
 */
export function Glossed({
  text,
  keep = [],
}: {
  text: string;
  keep?: readonly (string | null | undefined)[];
}) {
  const glossary = useContext(GlossaryContext);
  if (!glossary) return <>{text}</>;
  return (
    <>
      {glossAround(text, keep, glossary.matcher).map((part, i) =>
        part.kind === "text" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts never reorder
          <Fragment key={i}>{part.text}</Fragment>
        ) : part.kind === "kept" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts never reorder
          <span key={i} dir="auto">
            {part.text}
          </span>
        ) : (
          <a
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts never reorder
            key={i}
            href={`${glossary.href}#${part.termId}`}
            hrefLang={glossary.lang}
            className="hw-glossed"
          >
            {part.text}
          </a>
        ),
      )}
    </>
  );
}
