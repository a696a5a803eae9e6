// Helpers every route module of both apps uses: services, the viewer, the language, origin.
import { checkSameOrigin, getViewer, type Viewer } from "@homeward/auth";
import type { AccountKind } from "@homeward/db";
import {
  bundleFor,
  type LanguageBundle,
  type LanguageCode,
  languageCodes,
  languageFromCookie,
  type Namespace,
  pickLanguage,
} from "@homeward/i18n";
import { resources } from "@homeward/i18n/server";
import { data, redirect, type RouterContextProvider } from "react-router";
import { type AppServices, requestContext, servicesContext } from "./contexts.ts";

export function services(context: Readonly<RouterContextProvider>): AppServices {
  return context.get(servicesContext);
}

export function requestFacts(context: Readonly<RouterContextProvider>) {
  return context.get(requestContext);
}

const kindForApp: Record<AppServices["app"], AccountKind> = {
  portal: "family",
  practitioner: "practitioner",
};

/**
 * The session lookup of a page request, shared by its loaders: the root loader and the page's
 * loader run for the same request and would otherwise each read the session from the
 * database. Only reads are shared - an action may sign out or change the person's settings,
 * and the loaders that run after it in the same request must see that.
 */
const viewerOfRequest = new WeakMap<object, Promise<Viewer | null>>();

const memoOfRequest = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * The service reads a GET request's loaders may share (ServiceContext.memo): none for a
 * request that runs an action, whose loaders must see what the action changed.
 */
export function requestMemo(
  context: Readonly<RouterContextProvider>,
  request: Request,
): Map<string, Promise<unknown>> | undefined {
  if (request.method !== "GET" && request.method !== "HEAD") return undefined;
  let memo = memoOfRequest.get(context);
  if (!memo) {
    memo = new Map();
    memoOfRequest.set(context, memo);
  }
  return memo;
}

/** The signed-in person for this app, or null. A wrong-kind session counts as none. */
export async function optionalViewer(
  context: Readonly<RouterContextProvider>,
  request: Request,
): Promise<Viewer | null> {
  const svc = services(context);
  const shareable = request.method === "GET" || request.method === "HEAD";
  let lookup = shareable ? viewerOfRequest.get(context) : undefined;
  if (!lookup) {
    lookup = getViewer(svc.auth, request);
    if (shareable) viewerOfRequest.set(context, lookup);
  }
  const viewer = await lookup;
  if (!viewer || viewer.kind !== kindForApp[svc.app]) return null;
  return viewer;
}

/** The signed-in person, or a redirect to sign in that comes back here afterwards. */
export async function requireViewer(
  context: Readonly<RouterContextProvider>,
  request: Request,
): Promise<Viewer> {
  const viewer = await optionalViewer(context, request);
  if (!viewer) {
    const url = new URL(request.url);
    const next = url.pathname.replace(/\.data$/, "") + url.search;
    throw redirect(`/sign-in?next=${encodeURIComponent(next)}`);
  }
  return viewer;
}

/** Refuses a cross-site form post with 403; call first in every action. */
export function assertSameOrigin(context: Readonly<RouterContextProvider>, request: Request): void {
  const verdict = checkSameOrigin(request, services(context).origin);
  if (!verdict.ok) throw data({ reason: "cross-site" }, { status: 403 });
}

export function languageFor(
  request: Request,
  viewer: Viewer | null,
  offered: readonly LanguageCode[] = languageCodes,
) {
  return pickLanguage(
    {
      saved: viewer?.preferredLanguage,
      chosen: languageFromCookie(request.headers.get("cookie")),
      acceptLanguage: request.headers.get("accept-language"),
    },
    offered,
  );
}

export function languageBundle(
  request: Request,
  viewer: Viewer | null,
  namespaces: readonly Namespace[],
  offered: readonly LanguageCode[] = languageCodes,
): LanguageBundle {
  return bundleFor(languageFor(request, viewer, offered), resources, namespaces);
}

/** Only local paths may be redirected to after sign-in or a language change. */
export function safeNextPath(value: string | null | undefined, fallback = "/"): string {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
