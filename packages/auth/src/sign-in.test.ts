import { rateLimit } from "@homeward/db";
import { createTestDatabase, databaseUnderTest, type TestDatabase } from "@homeward/db/testing";
import * as OTPAuth from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "./accounts.ts";
import { type Auth, createAuth, sessionPolicy } from "./create-auth.ts";
import { callAuthEndpoint, getViewer } from "./session.ts";

const portalURL = "http://localhost:3000";
const practitionerURL = "http://localhost:3001";
const password = "a-long-test-password";
const totpSecret = "test-totp-secret-0123456789abcde";

function cookieHeader(response: Response, previous = ""): string {
  const jar = new Map(
    previous ? previous.split("; ").map((p) => p.split("=") as [string, string]) : [],
  );
  for (const line of response.headers.getSetCookie()) {
    const [pair = ""] = line.split(";");
    const [name = "", value = ""] = pair.split("=");
    jar.set(name, value);
  }
  return [...jar].map(([n, v]) => `${n}=${v}`).join("; ");
}

describe(`sign-in on ${databaseUnderTest}`, () => {
  let handle: TestDatabase;
  let portal: Auth;
  let practitioner: Auth;
  const codes: string[] = [];
  const resetLinks: { email: string; url: string }[] = [];
  let ip = 0;

  const post = (
    auth: Auth,
    baseURL: string,
    path: string,
    body: unknown,
    cookie = "",
    clientAddress = `10.0.0.${++ip}`,
  ) =>
    callAuthEndpoint(auth, {
      baseURL,
      path,
      body,
      clientAddress,
      request: new Request(baseURL, { headers: cookie ? { cookie } : {} }),
    });

  beforeAll(async () => {
    handle = await createTestDatabase();
    const common = {
      db: handle.db,
      secret: "test-secret-that-is-long-enough-0123456789",
      secureCookies: false,
      sendSignInCode: async (_to: unknown, code: string) => void codes.push(code),
      sendPasswordReset: async (to: { email: string }, url: string) =>
        void resetLinks.push({ email: to.email, url }),
    };
    portal = createAuth({ ...common, app: "portal", baseURL: portalURL });
    practitioner = createAuth({ ...common, app: "practitioner", baseURL: practitionerURL });
    await createAccount(portal, {
      name: "Pat Parent",
      email: "pat@example.test",
      password,
      kind: "family",
    });
    await createAccount(practitioner, {
      name: "Sam Worker",
      email: "sam@example.test",
      password,
      kind: "practitioner",
      totpSecret,
    });
  });
  afterAll(() => handle.dispose());

  it("signs a family member in with password and then the emailed code", async () => {
    const first = await post(portal, portalURL, "/sign-in/email", {
      email: "pat@example.test",
      password,
    });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ twoFactorRedirect: true });
    let cookie = cookieHeader(first);
    // No session yet: the password alone is not enough.
    expect(await getViewer(portal, new Request(portalURL, { headers: { cookie } }))).toBeNull();

    const sent = await post(portal, portalURL, "/two-factor/send-otp", {}, cookie);
    expect(sent.status).toBe(200);
    const code = codes.at(-1) as string;
    expect(code).toMatch(/^\d{6}$/);

    const wrong = await post(
      portal,
      portalURL,
      "/two-factor/verify-otp",
      { code: code === "000000" ? "111111" : "000000" },
      cookie,
    );
    expect(wrong.ok).toBe(false);

    const verified = await post(portal, portalURL, "/two-factor/verify-otp", { code }, cookie);
    expect(verified.status).toBe(200);
    cookie = cookieHeader(verified, cookie);
    const viewer = await getViewer(portal, new Request(portalURL, { headers: { cookie } }));
    expect(viewer).toMatchObject({ email: "pat@example.test", kind: "family" });

    // The session cookie is HttpOnly and SameSite=Lax.
    const sessionCookie = verified.headers
      .getSetCookie()
      .find((c) => c.startsWith("homeward-portal.session_token"));
    expect(sessionCookie).toMatch(/HttpOnly/i);
    expect(sessionCookie).toMatch(/SameSite=Lax/i);

    // Signing out revokes the session in the database, not just the cookie.
    const out = await post(portal, portalURL, "/sign-out", {}, cookie);
    expect(out.status).toBe(200);
    expect(await getViewer(portal, new Request(portalURL, { headers: { cookie } }))).toBeNull();
  });

  it("signs a practitioner in with password and the authenticator's code", async () => {
    const first = await post(practitioner, practitionerURL, "/sign-in/email", {
      email: "sam@example.test",
      password,
    });
    expect(await first.json()).toMatchObject({ twoFactorRedirect: true });
    let cookie = cookieHeader(first);
    const code = new OTPAuth.TOTP({
      secret: OTPAuth.Secret.fromLatin1(totpSecret),
      digits: 6,
      period: 30,
    }).generate();
    const verified = await post(
      practitioner,
      practitionerURL,
      "/two-factor/verify-totp",
      { code },
      cookie,
    );
    expect(verified.status).toBe(200);
    cookie = cookieHeader(verified, cookie);
    const viewer = await getViewer(
      practitioner,
      new Request(practitionerURL, { headers: { cookie } }),
    );
    expect(viewer?.kind).toBe("practitioner");
  });

  it("refuses a family account in the practitioner app exactly like a wrong password", async () => {
    const familyHere = await post(practitioner, practitionerURL, "/sign-in/email", {
      email: "pat@example.test",
      password,
    });
    const wrongPassword = await post(practitioner, practitionerURL, "/sign-in/email", {
      email: "sam@example.test",
      password: "wrong-password-here",
    });
    expect(familyHere.status).toBe(401);
    expect(wrongPassword.status).toBe(401);
    expect((await familyHere.json()).code).toBe((await wrongPassword.json()).code);
  });

  it("refuses a practitioner account in the family portal", async () => {
    const response = await post(portal, portalURL, "/sign-in/email", {
      email: "sam@example.test",
      password,
    });
    expect(response.status).toBe(401);
  });

  it("limits sign-in attempts per address, counting in the database", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await post(
        portal,
        portalURL,
        "/sign-in/email",
        { email: "pat@example.test", password: "not-the-password" },
        "",
        "192.0.2.77",
      );
      statuses.push(r.status);
    }
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const rows = await handle.db.select().from(rateLimit);
    expect(rows.some((row) => row.key.includes("192.0.2.77"))).toBe(true);
  });

  it("ends a session after the absolute lifetime even if it is in use", async () => {
    const first = await post(portal, portalURL, "/sign-in/email", {
      email: "pat@example.test",
      password,
    });
    let cookie = cookieHeader(first);
    await post(portal, portalURL, "/two-factor/send-otp", {}, cookie);
    const verified = await post(
      portal,
      portalURL,
      "/two-factor/verify-otp",
      { code: codes.at(-1) },
      cookie,
    );
    cookie = cookieHeader(verified, cookie);
    const request = () => new Request(portalURL, { headers: { cookie } });
    expect(await getViewer(portal, request())).not.toBeNull();
    const later = new Date(Date.now() + (sessionPolicy.absoluteLifetimeSeconds + 60) * 1000);
    expect(await getViewer(portal, request(), later)).toBeNull();
    // And it stays ended: the session was revoked, not just hidden.
    expect(await getViewer(portal, request())).toBeNull();
  });

  it("resets a password from the emailed link, ending every session of the account", async () => {
    const first = await post(portal, portalURL, "/sign-in/email", {
      email: "pat@example.test",
      password,
    });
    let cookie = cookieHeader(first);
    await post(portal, portalURL, "/two-factor/send-otp", {}, cookie);
    cookie = cookieHeader(
      await post(portal, portalURL, "/two-factor/verify-otp", { code: codes.at(-1) }, cookie),
      cookie,
    );
    expect(await getViewer(portal, new Request(portalURL, { headers: { cookie } }))).not.toBeNull();

    // The practitioner app never sends a family account a link (and answers the same).
    const elsewhere = await post(practitioner, practitionerURL, "/request-password-reset", {
      email: "pat@example.test",
    });
    expect(elsewhere.status).toBe(200);
    expect(resetLinks).toHaveLength(0);

    const requested = await post(portal, portalURL, "/request-password-reset", {
      email: "pat@example.test",
    });
    expect(requested.status).toBe(200);
    const link = resetLinks.at(-1);
    expect(link?.url).toMatch(/^http:\/\/localhost:3000\/reset-password\?token=/);
    const token = new URL(link?.url ?? "").searchParams.get("token");
    const newPassword = "a-brand-new-password";
    const reset = await post(portal, portalURL, "/reset-password", { token, newPassword });
    expect(reset.status).toBe(200);
    expect(await getViewer(portal, new Request(portalURL, { headers: { cookie } }))).toBeNull();
    expect(
      (await post(portal, portalURL, "/sign-in/email", { email: "pat@example.test", password }))
        .status,
    ).toBe(401);
    expect(
      (
        await post(portal, portalURL, "/sign-in/email", {
          email: "pat@example.test",
          password: newPassword,
        })
      ).status,
    ).toBe(200);
    // A link works once.
    expect(
      (
        await post(portal, portalURL, "/reset-password", {
          token,
          newPassword: "another-new-password",
        })
      ).ok,
    ).toBe(false);
  });
});
