// <Glossed text> renders the app's own translated text with its glossary words linked to
// /glossary#<id> (issue 8). Plain <a> links, so they work without JavaScript. Only for
// the app's texts: never pass what a person typed (notes, reasons), which is theirs.
import { createContext, Fragment, type ReactNode, useContext, useMemo } from "react";
import { type GlossaryTerm, glossaryMatcher, glossText } from "./glossary-links.ts";

type Matcher = ReturnType<typeof glossaryMatcher>;

const GlossaryContext = createContext<{ matcher: Matcher; href: string } | null>(null);

/** Once at the app root, with the current language's terms (glossaryTerms on the server). */
export function GlossaryProvider({
  terms,
  href = "/glossary",
  children,
}: {
  terms: readonly GlossaryTerm[];
  /** @default '/glossary' */
  href?: string;
  children: ReactNode;
}) {
  const value = useMemo(() => ({ matcher: glossaryMatcher(terms), href }), [terms, href]);
  return <GlossaryContext.Provider value={value}>{children}</GlossaryContext.Provider>;
}

/** The text with the first occurrence of each glossary term linked; plain text without a provider. */
export function Glossed({ text }: { text: string }) {
  const glossary = useContext(GlossaryContext);
  if (!glossary) return <>{text}</>;
  return (
    <>
      {glossText(text, glossary.matcher).map((part, i) =>
        part.kind === "text" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts never reorder
          <Fragment key={i}>{part.text}</Fragment>
        ) : (
          <a
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts never reorder
            key={i}
            href={`${glossary.href}#${part.termId}`}
            className="hw-glossed"
          >
            {part.text}
          </a>
        ),
      )}
    </>
  );
}
