// The integration API inside the real host: on the practitioner port only, with the demo
// client printed at start, the finalised entry still carrying Kerry's disagreement, and
// every call in the audit trail with the system as the actor.
import { auditEvent, demoIds, demoIntegrationClient } from "@homeward/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./harness.ts";

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
