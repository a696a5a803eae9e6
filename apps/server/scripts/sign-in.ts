// Signing in over HTTP, as a browser would, for scripts (page weight, load benchmark).
import type { Host } from "../src/host.ts";

export class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const index = pair.indexOf("=");
      this.cookies.set(pair.slice(0, index).trim(), pair.slice(index + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

async function post(base: string, path: string, form: Record<string, string>, jar: CookieJar) {
  const response = await fetch(base + path, {
    method: "POST",
    redirect: "manual",
    headers: {
      origin: base,
      "content-type": "application/x-www-form-urlencoded",
      cookie: jar.header(),
    },
    body: new URLSearchParams(form),
  });
  jar.take(response);
  if (response.status !== 302) throw new Error(`${path} answered ${response.status}`);
  return response;
}

export async function signInFamily(
  host: Host,
  email: string,
  password: string,
): Promise<CookieJar> {
  const jar = new CookieJar();
  await post(host.urls.portal, "/sign-in", { email, password }, jar);
  const [message] = (await host.mailer.outbox(20)).filter((m) => m.to === email);
  const code = message?.text.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`no code for ${email}`);
  await post(host.urls.portal, "/sign-in/code", { code }, jar);
  return jar;
}

export async function signInPractitioner(
  host: Host,
  email: string,
  password: string,
  code: string,
): Promise<CookieJar> {
  const jar = new CookieJar();
  await post(host.urls.practitioner, "/sign-in", { email, password }, jar);
  await post(host.urls.practitioner, "/sign-in/code", { code }, jar);
  return jar;
}
