/**
 * The document title, "Page – App". React 19 moves a <title> rendered anywhere into <head>,
 * so each page sets its own translated title where its other text is translated.
 */
export function PageTitle({ page, app }: { page: string; app: string }) {
  return <title>{`${page} – ${app}`}</title>;
}
