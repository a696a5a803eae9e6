// The integration API inside the real host: on the practitioner port only, with the demo
// client printed at start, the finalised entry still carrying Kerry's disagreement, and
// every call in the audit trail with the system as the actor. Contact details come with whom
// each is hidden from, in step with what the social worker records, and only with their scope.
import { auditEvent, demoIds, demoIntegrationClient } from "@homeward/db";
import { createClient } from "@homeward/services/integration/credentials";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, signInToPractitioner, startHarness } from "./harness.ts";

const auth = `Basic ${Buffer.from(
  `${demoIntegrationClient.keyId}:${demoIntegrationClient.secret}`,
).toString("base64")}`;

describe("integration API through the host", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness?.stop());

  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${harness.practitioner}/api/v1${path}`, {
      ...init,
      headers: { Authorization: auth, ...init.headers },
    });

  it("serves its OpenAPI document on the practitioner port, and nothing on the portal's", async () => {
    const doc = await fetch(`${harness.practitioner}/api/v1/openapi.json`);
    expect(doc.status).toBe(200);
    const body = (await doc.json()) as { openapi: string; servers: { url: string }[] };
    expect(body.openapi).toMatch(/^3\.1/);
    expect(body.servers[0]?.url).toBe(`${harness.practitioner}/api/v1`);
    expect(
      (body as unknown as { paths: Record<string, { get?: Record<string, unknown> }> }).paths[
        "/cases/{caseId}/contacts"
      ]?.get?.["x-homeward-scope"],
    ).toBe("read:contacts");
    const portal = await fetch(`${harness.portal}/api/v1/cases`, {
      headers: { Authorization: auth },
    });
    expect(portal.headers.get("content-type") ?? "").not.toMatch(/json/);
  });

  it("refuses a call without the secret", async () => {
    const response = await fetch(`${harness.practitioner}/api/v1/cases`);
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  });

  it("gives the finalised entry with the standing disagreement attached", async () => {
    const response = await api(`/cases/${demoIds.cases.tyler}/entries`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      entries: {
        id: string;
        standingDisagreements: { id: string; body: string; writtenBy: string }[];
      }[];
    };
    const entry = body.entries.find((e) => e.id === demoIds.entries.tylerFinalisedWithDisagreement);
    expect(entry?.standingDisagreements).toEqual([
      expect.objectContaining({ id: demoIds.responses.kerryDisagreement, writtenBy: "advocate" }),
    ]);
  });

  it("gives the agreed classification as of the host's clock", async () => {
    const response = await api(`/cases/${demoIds.cases.tyler}/classification`);
    const body = (await response.json()) as { asOf: string; agreed: { level: string } | null };
    expect(body.asOf).toBe("2026-11-26");
    expect(body.agreed?.level).toBe("severe");
  });

  it("gives contact details with whom each is hidden from, in step with the social worker's change", async () => {
    type Contacts = {
      contacts: {
        personId: string;
        address: string | null;
        hiddenFromPersonIds: string[];
        version: number;
      }[];
    };
    const path = `/cases/${demoIds.cases.mia}/contacts`;
    const daniel = async () => {
      const response = await api(path);
      expect(response.status).toBe(200);
      const body = (await response.json()) as Contacts;
      return body.contacts.find((c) => c.personId === demoIds.people.daniel);
    };
    expect(await daniel()).toMatchObject({
      address: "12 Kestrel Road, Northmoor NM6 8JT",
      hiddenFromPersonIds: [demoIds.people.leah],
      version: 1,
    });

    // Sarah records Daniel's move in the practitioner app (a plain form post).
    const context = await harness.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInToPractitioner(page, harness, "social-worker@homeward.example");
    await page.goto(
      `${harness.practitioner}/cases/${demoIds.cases.mia}/people/${demoIds.people.daniel}/contact`,
    );
    await page
      .getByRole("textbox", { name: "Address", exact: true })
      .fill("3 Heron Close, Southwick SW9 4QP");
    await page.getByRole("button", { name: "Save contact details" }).click();
    await page.locator(".hw-notice", { hasText: "Contact details saved." }).waitFor();
    await context.close();
    expect(await daniel()).toMatchObject({
      address: "3 Heron Close, Southwick SW9 4QP",
      hiddenFromPersonIds: [demoIds.people.leah],
      version: 2,
    });

    // A system that writes people but was not granted read:contacts is refused, and audited.
    const narrow = await createClient(harness.host.database.db, {
      authorityId: demoIntegrationClient.authorityId,
      name: "People only",
      scopes: ["write:people"],
      by: "e2e",
    });
    const refused = await fetch(`${harness.practitioner}/api/v1${path}`, {
      headers: {
        Authorization: `Basic ${Buffer.from(`${narrow.keyId}:${narrow.secret}`).toString("base64")}`,
      },
    });
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain("Heron");
    const audit = (await harness.host.database.db.select().from(auditEvent))
      .filter(
        (row) => row.caseId === demoIds.cases.mia && row.resourceType.startsWith("person_contact"),
      )
      .sort((a, b) => a.id - b.id);
    expect(
      audit.filter((r) => r.app === "integration").map((r) => [r.actorUserId, r.outcome]),
    ).toEqual([
      [demoIntegrationClient.id, "allowed"],
      [demoIntegrationClient.id, "allowed"],
      [narrow.id, "denied"],
    ]);
  });

  it("changes the legal status with If-Match, and audits it with the system as the actor", async () => {
    const path = `/cases/${demoIds.cases.mia}/legal-status`;
    const current = await api(path);
    const etag = current.headers.get("etag") ?? "";
    const changed = await api(path, {
      method: "PUT",
      headers: { "Content-Type": "application/json", "If-Match": etag },
      body: JSON.stringify({ legalStatus: "interim_care_order_s38" }),
    });
    expect(changed.status).toBe(200);
    const stale = await api(path, {
      method: "PUT",
      headers: { "Content-Type": "application/json", "If-Match": etag },
      body: JSON.stringify({ legalStatus: "care_order_s31" }),
    });
    expect(stale.status).toBe(412);
    // (No query builder here: the host app does not depend on drizzle-orm itself.)
    const rows = (await harness.host.database.db.select().from(auditEvent))
      .filter(
        (row) =>
          row.actorUserId === demoIntegrationClient.id &&
          row.caseId === demoIds.cases.mia &&
          row.action === "update",
      )
      .sort((a, b) => a.id - b.id);
    // The change, with what it was before; and the stale attempt, as a failed call.
    expect(rows).toEqual([
      expect.objectContaining({
        app: "integration",
        outcome: "allowed",
        resourceType: "case",
        detail: expect.objectContaining({ before: "s20", after: "interim_care_order_s38" }),
      }),
      expect.objectContaining({
        app: "integration",
        outcome: "failed",
        detail: expect.objectContaining({ code: "STALE_VERSION" }),
      }),
    ]);
  });
});
