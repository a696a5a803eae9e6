// Easy read or standard for this request (issue 8). The switch on a page is a plain link
// (`?read=easy` or `?read=standard`), so it works without JavaScript: the loader remembers
// the choice for the rest of the visit in a cookie that ends with the browser session, and
// sends the person back to the same page without the switch in its address.
import { parseReadMode, type ReadMode, resolveReadMode } from "@homeward/rules";
import type { ServiceContext } from "@homeward/services/context";
import { readingPreference } from "@homeward/services/easy-read";
import { redirect } from "react-router";

export const readModeCookie = "homeward_read";

function cookieValue(request: Request, name: string): string | null {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return null;
}

function cookieHeader(request: Request, mode: ReadMode | null): string {
  const secure = new URL(request.url).protocol === "https:" ? "; Secure" : "";
  return mode
    ? `${readModeCookie}=${mode}; Path=/; HttpOnly; SameSite=Lax${secure}`
    : `${readModeCookie}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure}`;
}

/** Forgets this visit's switch, so a choice just saved on the account page shows at once. */
export const forgetVisitReadMode = (request: Request) => cookieHeader(request, null);

/**
 * The mode for this page. Throws a redirect (with the cookie) when the address carries the
 * switch; the same page then loads again with the new mode.
 */
export async function readModeFor(ctx: ServiceContext, request: Request): Promise<ReadMode> {
  const url = new URL(request.url);
  if (url.searchParams.has("read")) {
    const asked = parseReadMode(url.searchParams.get("read"));
    url.searchParams.delete("read");
    const headers = asked ? { "set-cookie": cookieHeader(request, asked) } : undefined;
    throw redirect(`${url.pathname}${url.search}`, { headers });
  }
  return resolveReadMode({
    asked: null,
    thisVisit: parseReadMode(cookieValue(request, readModeCookie)),
    ...(await readingPreference(ctx)),
  }).mode;
}
