// better-auth guards only its own routes; every other form POST passes through this check.
// A request is same-origin when the browser says so (Sec-Fetch-Site) or its Origin is ours.

export type OriginVerdict = { ok: true } | { ok: false; reason: string };

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

export function checkSameOrigin(request: Request, allowedOrigin: string): OriginVerdict {
  if (safeMethods.has(request.method.toUpperCase())) return { ok: true };
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") {
    return { ok: false, reason: `sec-fetch-site=${fetchSite}` };
  }
  const origin = request.headers.get("origin");
  if (origin) {
    return origin === allowedOrigin ? { ok: true } : { ok: false, reason: `origin=${origin}` };
  }
  // No Origin and no Sec-Fetch-Site: not a browser we can vouch for.
  if (!fetchSite) return { ok: false, reason: "no origin" };
  return { ok: true };
}
