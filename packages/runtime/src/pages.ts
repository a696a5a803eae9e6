// Server logic of the small pages both apps have: language choice and health.
import { user } from "@homeward/db";
import { isLanguageCode, languageCookieName } from "@homeward/i18n";
import { eq, sql } from "drizzle-orm";
import { redirect, type RouterContextProvider } from "react-router";
import { optionalViewer, safeNextPath, services } from "./requests.ts";

/**
 * GET /language?lng=cy&next=/path: remembers the choice in a cookie (and, when signed in,
 * as the saved preference, which outranks the cookie) and goes back to the page.
 */
export async function changeLanguage(
  context: Readonly<RouterContextProvider>,
  request: Request,
): Promise<Response> {
  const url = new URL(request.url);
  const lng = url.searchParams.get("lng");
  const next = safeNextPath(url.searchParams.get("next"));
  if (!isLanguageCode(lng)) return redirect(next);
  const viewer = await optionalViewer(context, request);
  if (viewer) {
    await services(context)
      .db.update(user)
      .set({ preferredLanguage: lng })
      .where(eq(user.id, viewer.userId));
  }
  const secure = url.protocol === "https:" ? "; Secure" : "";
  return redirect(next, {
    headers: {
      "set-cookie": `${languageCookieName}=${lng}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`,
    },
  });
}

/** GET /health: 200 when the database answers, 503 when it does not. */
export async function healthResponse(context: Readonly<RouterContextProvider>): Promise<Response> {
  const started = performance.now();
  try {
    await services(context).db.execute(sql`select 1`);
    return Response.json(
      {
        status: "ok",
        app: services(context).app,
        database: "ok",
        ms: Math.round(performance.now() - started),
      },
      { headers: { "cache-control": "no-store" } },
    );
  } catch {
    return Response.json(
      { status: "unavailable", database: "unreachable" },
      { status: 503, headers: { "cache-control": "no-store" } },
    );
  }
}
