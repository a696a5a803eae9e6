// Hydrates the server-rendered page, as React Router's default entry does, except when this
// browser cannot write the page language's dates and numbers (intlSpeaks, @homeward/i18n):
// hydrating would then rewrite every date in American English. Such a page stays exactly as
// the server wrote it, with plain links and forms - every journey works without JavaScript.
import { intlSpeaks } from "@homeward/i18n";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { HydratedRouter } from "react-router/dom";

if (intlSpeaks(document.documentElement.lang)) {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <HydratedRouter />
      </StrictMode>,
    );
  });
}
