// The integration API over HTTP, on a seeded PGlite: every endpoint, its refusals, and the
// OpenAPI document it serves. (The same router inside the real host: e2e/integration-api.e2e.ts.)
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { auditEvent, authority, demoIds, demoIntegrationClient } from "@homeward/db";
import { createClient, revokeClient } from "@homeward/services/integration/credentials";
import {
  caseListSchema,
  classificationSchema,
  contactListSchema,
  entryListSchema,
  personSchema,
  placementStateSchema,
  problemSchema,
} from "@homeward/services/integration/schemas";
import { type SeededDatabase, seededDatabase } from "@homeward/services/testing";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { integrationApi } from "./integration-api.ts";

const { cases, entries, responses } = demoIds;
const now = new Date("2026-11-26T12:00:00Z");
const basic = (keyId: string, secret: string) =>
  `Basic ${Buffer.from(`${keyId}:${secret}`).toString("base64")}`;
const demoAuth = basic(demoIntegrationClient.keyId, demoIntegrationClient.secret);

describe("the integration API over HTTP", () => {
  let seeded: SeededDatabase;
  let server: Server;
  let base: string;

  const call = (
    path: string,
    init: {
      method?: string;
      auth?: string | null;
      body?: unknown;
      headers?: Record<string, string>;
    } = {},
  ) =>
    fetch(`${base}${path}`, {
      method: init.method ?? "GET",
      headers: {
        ...(init.auth !== null && { Authorization: init.auth ?? demoAuth }),
        ...(init.body !== undefined && { "Content-Type": "application/json" }),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });

  async function expectProblem(response: Response, status: number, code: string) {
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const problem = problemSchema.parse(await response.json());
    expect(problem).toMatchObject({ status, code });
    return problem;
  }

  beforeAll(async () => {
    seeded = await seededDatabase();
    const app = express();
    app.use(
      "/api/v1",
      integrationApi({ db: seeded.handle.db, clock: () => now, requestsPerMinute: 200 }),
    );
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  });
  afterAll(async () => {
    await new Promise((done) => server.close(done));
    await seeded.handle.dispose();
  });

  describe("authentication", () => {
    it("asks for a credential, and refuses a wrong secret", async () => {
      const none = await call("/cases", { auth: null });
      await expectProblem(none, 401, "NO_CREDENTIAL");
      expect(none.headers.get("www-authenticate")).toMatch(/Basic/);
      await expectProblem(
        await call("/cases", { auth: basic(demoIntegrationClient.keyId, "hws_wrong") }),
        401,
        "UNKNOWN_OR_WRONG",
      );
      await expectProblem(await call("/cases", { auth: "Token abc" }), 401, "MALFORMED");
    });

    it("takes the key id and secret as a Bearer token too", async () => {
      const response = await call("/cases", {
        auth: `Bearer ${demoIntegrationClient.keyId}:${demoIntegrationClient.secret}`,
      });
      expect(response.status).toBe(200);
    });

    it("refuses a revoked client", async () => {
      const made = await createClient(seeded.handle.db, {
        authorityId: "authority-demo",
        name: "Old system",
        scopes: ["read:entries"],
        by: "test",
      });
      const auth = basic(made.keyId, made.secret);
      expect((await call("/cases", { auth })).status).toBe(200);
      await revokeClient(seeded.handle.db, made.id, "test", now);
      await expectProblem(await call("/cases", { auth }), 401, "REVOKED");
    });

    it("serves the OpenAPI document to anyone, without case data", async () => {
      const response = await call("/openapi.json", { auth: null });
      expect(response.status).toBe(200);
      const doc = (await response.json()) as {
        openapi: string;
        paths: Record<string, unknown>;
        components: { schemas: Record<string, unknown> };
      };
      expect(doc.openapi).toMatch(/^3\.1\./);
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          "/cases/{caseId}/classification",
          "/cases/{caseId}/agreements",
          "/cases/{caseId}/entries",
          "/cases/{caseId}/people",
          "/cases/{caseId}/people/{personId}",
          "/cases/{caseId}/contacts",
          "/cases/{caseId}/legal-status",
          "/cases/{caseId}/placement",
        ]),
      );
      // Contact details: read-only, behind their own scope, each with whom it is hidden from.
      const contacts = (doc.paths["/cases/{caseId}/contacts"] ?? {}) as Record<
        string,
        { "x-homeward-scope"?: string }
      >;
      expect(Object.keys(contacts)).toEqual(["get"]);
      expect(contacts.get?.["x-homeward-scope"]).toBe("read:contacts");
      expect(doc.components.schemas.ContactDetail).toMatchObject({
        required: expect.arrayContaining(["personId", "hiddenFromPersonIds", "version"]),
      });
      // Every reference in the document points at a schema the document holds.
      const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)];
      expect(refs.length).toBeGreaterThan(10);
      for (const [, id] of refs) expect(doc.components.schemas).toHaveProperty(id as string);
    });
  });

  describe("reads", () => {
    it("lists the authority's cases", async () => {
      const response = await call("/cases");
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const list = caseListSchema.parse(await response.json());
      expect(list.cases.map((c) => c.id)).toEqual(
        expect.arrayContaining([cases.mia, cases.yasmin, cases.tyler]),
      );
    });

    it("gives a case's agreed classification", async () => {
      const response = await call(`/cases/${cases.yasmin}/classification`);
      const result = classificationSchema.parse(await response.json());
      expect(result.agreed?.level).toBe("medium");
      expect(result.asOf).toBe("2026-11-26");
    });

    it("gives the published agreement", async () => {
      const response = await call(`/cases/${cases.yasmin}/agreements`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { agreements: { id: string }[] };
      expect(body.agreements.map((a) => a.id)).toEqual([demoIds.agreement]);
    });

    it("gives the finalised entry with Kerry's standing disagreement attached", async () => {
      const response = await call(`/cases/${cases.tyler}/entries`);
      const list = entryListSchema.parse(await response.json());
      const entry = list.entries.find((e) => e.id === entries.tylerFinalisedWithDisagreement);
      expect(entry?.standingDisagreements.map((d) => d.id)).toEqual([responses.kerryDisagreement]);
      expect(list.entries.map((e) => e.id)).not.toContain(entries.tylerCorrection);
    });

    it("gives the people's contact details with whom each is hidden from, and audits ids only", async () => {
      const response = await call(`/cases/${cases.mia}/contacts`);
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const list = contactListSchema.parse(await response.json());
      const byPerson = new Map(list.contacts.map((c) => [c.personId, c]));
      // Separated parents: each one's details are hidden from the other, and say so.
      expect(byPerson.get(demoIds.people.daniel)?.hiddenFromPersonIds).toEqual([
        demoIds.people.leah,
      ]);
      expect(byPerson.get(demoIds.people.leah)).toMatchObject({
        id: demoIds.contacts.leah,
        address: "Flat 4, 27 Wharf Street, Eastfield EF1 3RD",
        hiddenFromPersonIds: [demoIds.people.daniel],
        version: 1,
      });
      // Only this case's people.
      expect(byPerson.has(demoIds.people.amira)).toBe(false);
      const [audit] = (await seeded.handle.db.select().from(auditEvent)).filter(
        (row) => row.resourceType === "person_contact_list",
      );
      expect(audit).toMatchObject({
        actorUserId: demoIntegrationClient.id,
        app: "integration",
        caseId: cases.mia,
        outcome: "allowed",
      });
      expect(JSON.stringify(audit?.detail)).toContain(demoIds.contacts.leah);
      expect(JSON.stringify(audit?.detail)).not.toContain("Wharf");
    });

    it("refuses contact details without read:contacts, and audits the refusal", async () => {
      const people = await createClient(seeded.handle.db, {
        authorityId: "authority-demo",
        name: "People and placement, no contacts",
        scopes: ["write:people", "write:placement", "read:entries"],
        by: "test",
      });
      const auth = basic(people.keyId, people.secret);
      const refused = await call(`/cases/${cases.mia}/contacts`, { auth });
      const problem = await expectProblem(refused, 403, "MISSING_SCOPE");
      expect(JSON.stringify(problem)).not.toContain("Wharf");
      const denials = (await seeded.handle.db.select().from(auditEvent)).filter(
        (row) =>
          row.actorUserId === people.id &&
          row.resourceType === "person_contact" &&
          row.outcome === "denied",
      );
      expect(denials).toHaveLength(1);
      // Read-only: there is no way to change them here.
      await expectProblem(
        await call(`/cases/${cases.mia}/contacts`, { method: "PUT", body: {} }),
        404,
        "NOT_FOUND",
      );
    });

    it("refuses another authority's system as if the case did not exist", async () => {
      await seeded.handle.db.insert(authority).values({ id: "authority-far", name: "Far" });
      const other = await createClient(seeded.handle.db, {
        authorityId: "authority-far",
        name: "Far system",
        scopes: ["read:entries", "read:classification"],
        by: "test",
      });
      const auth = basic(other.keyId, other.secret);
      await expectProblem(await call(`/cases/${cases.tyler}/entries`, { auth }), 404, "NOT_FOUND");
      await expectProblem(await call("/cases/case-nobody/entries", { auth }), 404, "NOT_FOUND");
      const list = caseListSchema.parse(await (await call("/cases", { auth })).json());
      expect(list.cases).toEqual([]);
    });

    it("refuses what the client's scopes do not cover", async () => {
      const narrow = await createClient(seeded.handle.db, {
        authorityId: "authority-demo",
        name: "Entries only",
        scopes: ["read:entries"],
        by: "test",
      });
      const auth = basic(narrow.keyId, narrow.secret);
      for (const path of [
        "classification",
        "agreements",
        "people",
        "contacts",
        "legal-status",
        "placement",
      ]) {
        await expectProblem(
          await call(`/cases/${cases.tyler}/${path}`, { auth }),
          403,
          "MISSING_SCOPE",
        );
      }
      await expectProblem(
        await call(`/cases/${cases.tyler}/legal-status`, {
          auth,
          method: "PUT",
          body: { legalStatus: "care_order_s31" },
          headers: { "If-Match": "*" },
        }),
        403,
        "MISSING_SCOPE",
      );
    });

    it("answers an unknown endpoint with a problem", async () => {
      await expectProblem(await call("/nothing-here"), 404, "NOT_FOUND");
    });
  });

  describe("writes", () => {
    const pat = {
      displayName: "Pat Brooks",
      relationship: "grandparent",
      easyRead: true,
    };

    it("adds a person once per Idempotency-Key, and says where it is", async () => {
      const headers = { "Idempotency-Key": "add-pat-0001" };
      const first = await call(`/cases/${cases.tyler}/people`, {
        method: "POST",
        body: pat,
        headers,
      });
      expect(first.status).toBe(201);
      const person = personSchema.parse(await first.json());
      expect(first.headers.get("location")).toBe(
        `/api/v1/cases/${cases.tyler}/people/${person.id}`,
      );
      expect(first.headers.get("etag")).toBe('"1"');
      const again = await call(`/cases/${cases.tyler}/people`, {
        method: "POST",
        body: pat,
        headers,
      });
      expect(again.status).toBe(201);
      expect(again.headers.get("idempotency-replayed")).toBe("true");
      expect(personSchema.parse(await again.json()).id).toBe(person.id);
      await expectProblem(
        await call(`/cases/${cases.tyler}/people`, {
          method: "POST",
          body: { ...pat, displayName: "Someone else" },
          headers,
        }),
        422,
        "IDEMPOTENCY_KEY_REUSED",
      );
      await expectProblem(
        await call(`/cases/${cases.tyler}/people`, { method: "POST", body: pat }),
        400,
        "IDEMPOTENCY_KEY_REQUIRED",
      );
    });

    it("says which fields are wrong, and refuses a body that is not JSON", async () => {
      const problem = await expectProblem(
        await call(`/cases/${cases.tyler}/people`, {
          method: "POST",
          body: { displayName: "", relationship: "child", surprise: 1 },
          headers: { "Idempotency-Key": "bad-body-0001" },
        }),
        400,
        "INVALID_BODY",
      );
      expect(problem.errors?.map((e) => e.path)).toEqual(
        expect.arrayContaining(["displayName", "relationship"]),
      );
      const notJson = await fetch(`${base}/cases/${cases.tyler}/people`, {
        method: "POST",
        headers: { Authorization: demoAuth, "Content-Type": "application/json" },
        body: "{not json",
      });
      await expectProblem(notJson, 400, "MALFORMED_JSON");
      const text = await fetch(`${base}/cases/${cases.tyler}/legal-status`, {
        method: "PUT",
        headers: { Authorization: demoAuth, "Content-Type": "text/plain", "If-Match": "*" },
        body: "care_order_s31",
      });
      await expectProblem(text, 415, "JSON_REQUIRED");
      // Failed calls are in the audit trail too, with the system as the actor.
      const failed = (await seeded.handle.db.select().from(auditEvent)).filter(
        (row) => row.actorUserId === demoIntegrationClient.id && row.outcome === "failed",
      );
      expect(failed.map((row) => (row.detail as { code: string }).code)).toEqual(
        expect.arrayContaining(["INVALID_BODY", "MALFORMED_JSON", "JSON_REQUIRED"]),
      );
    });

    it("changes a person only with the current ETag", async () => {
      const list = (await (await call(`/cases/${cases.tyler}/people`)).json()) as {
        people: { id: string; displayName: string; version: number }[];
      };
      const kerry = list.people.find((p) => p.id === demoIds.people.kerry);
      expect(kerry).toBeDefined();
      const change = {
        displayName: "Kerry Brooks",
        relationship: "mother",
        learningDisability: true,
      };
      const path = `/cases/${cases.tyler}/people/${demoIds.people.kerry}`;
      await expectProblem(
        await call(path, { method: "PUT", body: change }),
        428,
        "IF_MATCH_REQUIRED",
      );
      const ok = await call(path, {
        method: "PUT",
        body: change,
        headers: { "If-Match": `"${kerry?.version}"` },
      });
      expect(ok.status).toBe(200);
      const stale = await call(path, {
        method: "PUT",
        body: change,
        headers: { "If-Match": `"${kerry?.version}"` },
      });
      await expectProblem(stale, 412, "STALE_VERSION");
      expect(stale.headers.get("etag")).toBe(ok.headers.get("etag"));
    });

    it("changes the legal status, with a retry after a lost answer applied once", async () => {
      const current = await call(`/cases/${cases.tyler}/legal-status`);
      const etag = current.headers.get("etag") ?? "";
      expect(((await current.json()) as { legalStatus: string }).legalStatus).toBe(
        "care_order_s31",
      );
      const send = () =>
        call(`/cases/${cases.tyler}/legal-status`, {
          method: "PUT",
          body: { legalStatus: "supervision_order" },
          headers: { "If-Match": etag, "Idempotency-Key": "legal-tyler-0001" },
        });
      const first = await send();
      expect(first.status).toBe(200);
      const retry = await send();
      expect(retry.status).toBe(200);
      expect(retry.headers.get("idempotency-replayed")).toBe("true");
      expect(retry.headers.get("etag")).toBe(first.headers.get("etag"));
      await expectProblem(
        await call(`/cases/${cases.tyler}/legal-status`, {
          method: "PUT",
          body: { legalStatus: "care_order_s31" },
          headers: { "If-Match": etag },
        }),
        412,
        "STALE_VERSION",
      );
    });

    it("records a move of placement and keeps the old one", async () => {
      const current = await call(`/cases/${cases.tyler}/placement`);
      const etag = current.headers.get("etag") ?? "";
      const moved = await call(`/cases/${cases.tyler}/placement`, {
        method: "PUT",
        body: {
          carerNames: "Kerry Brooks (mother)",
          address: "9 Willow Walk, Northmoor NM1 3JD",
          startDate: "2026-11-20",
        },
        headers: { "If-Match": etag },
      });
      expect(moved.status).toBe(200);
      const state = placementStateSchema.parse(await moved.json());
      expect(state.current?.address).toBe("9 Willow Walk, Northmoor NM1 3JD");
      expect(state.previous.map((p) => p.id)).toEqual([demoIds.placements.tyler]);
      await expectProblem(
        await call(`/cases/${cases.tyler}/placement`, {
          method: "PUT",
          body: { carerNames: "A", address: "B", startDate: "2020-01-01" },
          headers: { "If-Match": moved.headers.get("etag") ?? "" },
        }),
        422,
        "PLACEMENT_STARTS_BEFORE_CURRENT",
      );
    });
  });

  it("slows down a caller that sends too many requests", async () => {
    const app = express();
    app.use(
      "/api/v1",
      integrationApi({ db: seeded.handle.db, clock: () => now, requestsPerMinute: 2 }),
    );
    const limited = await new Promise<Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    const url = `http://127.0.0.1:${(limited.address() as AddressInfo).port}/api/v1/cases`;
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++)
        statuses.push((await fetch(url, { headers: { Authorization: demoAuth } })).status);
      expect(statuses).toEqual([200, 200, 429]);
      const refused = await fetch(url, { headers: { Authorization: demoAuth } });
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      await new Promise((done) => limited.close(done));
    }
  });
});
