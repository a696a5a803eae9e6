// "Leave quickly" on the server: sign out, clear what the browser cached of Homeward, and go
// to a neutral site. For a few minutes afterwards any Homeward page opened in that browser
// (Back, history, a restored tab) goes straight to the neutral site as well, so someone who
// picks up the phone cannot step back into the case. docs/decisions/009-leave-quickly.md.
import { redirect, type RouterContextProvider } from "react-router";
import { services } from "./requests.ts";
import { signOut } from "./sign-in.ts";

export const leftQuicklyCookie = "homeward_left";
/** Long enough to cover someone else pressing Back; short enough not to lock the parent out. */
export const leftQuicklySeconds = 5 * 60;

export async function leaveQuickly(
  context: Readonly<RouterContextProvider>,
  request: Request,
): Promise<Response> {
  let headers = new Headers();
  try {
    headers = await signOut(context, request);
  } catch {
    // Leaving must never fail: the cookie and cache clearing below still happen.
  }
  const secure = new URL(request.url).protocol === "https:" ? "; Secure" : "";
  // Not HttpOnly: the page script checks it when the browser restores a page from its cache.
  headers.append(
    "set-cookie",
    `${leftQuicklyCookie}=1; Path=/; Max-Age=${leftQuicklySeconds}; SameSite=Lax${secure}`,
  );
  headers.set("clear-site-data", '"cache", "storage"');
  headers.set("cache-control", "no-store");
  return redirect(services(context).leaveQuicklyUrl, { status: 303, headers });
}

export function hasLeftQuickly(request: Request): boolean {
  const cookies = request.headers.get("cookie") ?? "";
  return cookies.split(";").some((part) => part.trim() === `${leftQuicklyCookie}=1`);
}
