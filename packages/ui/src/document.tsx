import type { ReactNode } from "react";
import { Links, Meta, Scripts, ScrollRestoration, useLocation } from "react-router";
import { useNonce } from "./nonce.tsx";

/**
 * The HTML document both apps share. `lang` and `dir` are set on the server so the first
 * paint is already in the right language and direction. `scripts={false}` sends a page with
 * no JavaScript at all (low-data mode): every journey works without it.
 */
export function Document({
  lang,
  dir,
  scripts = true,
  children,
}: {
  lang: string;
  dir: "ltr" | "rtl";
  scripts?: boolean;
  children: ReactNode;
}) {
  const nonce = useNonce();
  const location = useLocation();
  // The page this document shows, committed with its content: after a client-side
  // navigation the address changes before React has rendered the new page, so the
  // browser tests wait for this to match the address before reading the page.
  return (
    <html lang={lang} dir={dir} data-page={location.pathname + location.search}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* react-aria reads this nonce for the one small style element it adds. */}
        {/* Rendered in the browser too (without the nonce, which it hides) so hydration matches. */}
        <meta property="csp-nonce" nonce={nonce} />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        {scripts ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}
