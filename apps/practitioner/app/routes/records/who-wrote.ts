// Attribution of a family response on the records pages.
/**
 * Who wrote a response: an advocate's or interpreter's words are never passed off as the
 * person's own, so "Sam Friend for Leah Morgan" (issue 8).
 */
export function whoWrote(
  t: (key: string, options: Record<string, string>) => string,
  r: { authorName: string; onBehalfOfName: string | null },
): string {
  return r.onBehalfOfName
    ? t("review:entry.responses.onBehalf", { author: r.authorName, person: r.onBehalfOfName })
    : r.authorName;
}
