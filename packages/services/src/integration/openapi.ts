// The OpenAPI 3.1 document of the integration API, generated from the zod schemas the server
// validates with (schemas.ts): one source, so the document cannot say one thing while the
// server does another. OpenAPI 3.1 uses JSON Schema 2020-12, which z.toJSONSchema writes.
import type { SystemScope } from "@homeward/auth/policy";
import { z } from "zod";
import { API_VERSION, api } from "./schemas.ts";

type Schema = Record<string, unknown>;

const ref = (id: string): Schema => ({ $ref: `#/components/schemas/${id}` });

/** The request bodies are read as input (defaults optional); everything else as output. */
const inputs = new Set(["PersonInput", "LegalStatusInput", "PlacementInput"]);

function components(): Record<string, Schema> {
  const uri = (id: string) => `#/components/schemas/${id}`;
  const asOutput = z.toJSONSchema(api, { target: "draft-2020-12", io: "output", uri });
  const asInput = z.toJSONSchema(api, { target: "draft-2020-12", io: "input", uri });
  const result: Record<string, Schema> = {};
  for (const [id, schema] of Object.entries(asOutput.schemas)) {
    const chosen = (inputs.has(id) ? asInput.schemas[id] : schema) as Schema;
    // Each is addressed by its place in the document, not by an $id of its own.
    const { $id: _id, $schema: _schema, ...rest } = chosen;
    result[id] = rest;
  }
  return result;
}

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ref("Problem") } },
});

const errors = {
  "401": problem("No credential, an unknown key id, a wrong secret or a revoked client."),
  "403": problem("The client's scopes do not allow this (code MISSING_SCOPE, NOT_FINALISED...)."),
  "404": problem("No such case in the client's authority."),
  "429": problem("Too many requests: wait for the seconds in Retry-After."),
};

const writeErrors = {
  ...errors,
  "400": problem("The body is not valid: `errors` names each field."),
  "412": problem("If-Match names a version that is no longer current (code STALE_VERSION)."),
  "422": problem(
    "Idempotency-Key reused for a different request, or the change breaks a rule of the record.",
  ),
  "428": problem("If-Match is required for this change."),
};

const caseId = {
  name: "caseId",
  in: "path",
  required: true,
  schema: { type: "string" },
  description: "The case's id (from GET /cases).",
};
const ifMatch = {
  name: "If-Match",
  in: "header",
  required: true,
  schema: { type: "string" },
  description: "The ETag of the version being changed, from the last GET or write.",
};
const idempotencyKey = (required: boolean) => ({
  name: "Idempotency-Key",
  in: "header",
  required,
  schema: { type: "string", minLength: 8, maxLength: 200 },
  description:
    "A unique key per change (a UUID). A retry with the same key and body gets the first answer again, without applying the change twice.",
});

function json(schemaId: string, description: string, etag = false) {
  return {
    description,
    ...(etag && {
      headers: {
        ETag: {
          description: "Send it as If-Match to change this.",
          schema: { type: "string" },
        },
      },
    }),
    content: { "application/json": { schema: ref(schemaId) } },
  };
}

function read(summary: string, scope: SystemScope | "any", schemaId: string, etag = false) {
  return {
    summary,
    security: [{ basic: [] }, { bearer: [] }],
    "x-homeward-scope": scope,
    parameters: scope === "any" ? [] : [caseId],
    responses: { "200": json(schemaId, "OK", etag), ...errors },
  };
}

function write(
  summary: string,
  scope: SystemScope,
  input: string,
  output: string,
  options: { create?: boolean; parameters?: Schema[] } = {},
) {
  return {
    summary,
    security: [{ basic: [] }, { bearer: [] }],
    "x-homeward-scope": scope,
    parameters: [
      caseId,
      ...(options.parameters ?? []),
      ...(options.create ? [] : [ifMatch]),
      idempotencyKey(Boolean(options.create)),
    ],
    requestBody: { required: true, content: { "application/json": { schema: ref(input) } } },
    responses: {
      [options.create ? "201" : "200"]: json(output, options.create ? "Created" : "Changed", true),
      ...writeErrors,
    },
  };
}

/** The whole document, served at /api/v1/openapi.json. */
export function openApiDocument(serverUrl?: string) {
  return {
    openapi: "3.1.1",
    info: {
      title: "Homeward integration API",
      version: API_VERSION,
      description:
        "How a host case-management system reads a case's agreed classification, parental agreements, finalised record entries and the people's contact details, and sends people, legal status and placement changes. Every call is checked by Homeward's access policy and written to its audit trail. See docs/integration-api.md.",
    },
    ...(serverUrl && { servers: [{ url: `${serverUrl}/api/v1` }] }),
    components: {
      securitySchemes: {
        basic: {
          type: "http",
          scheme: "basic",
          description: "User name: the key id; password: the secret.",
        },
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "The token is `<key id>:<secret>`.",
        },
      },
      schemas: components(),
    },
    paths: {
      "/cases": { get: read("The authority's cases", "any", "CaseList") },
      "/cases/{caseId}/classification": {
        get: read(
          "The agreed risk classification, under the framework's time rules",
          "read:classification",
          "Classification",
        ),
      },
      "/cases/{caseId}/agreements": {
        get: read("The published parental agreements", "read:agreement", "AgreementList"),
      },
      "/cases/{caseId}/entries": {
        get: read(
          "Finalised record entries, with versions and standing disagreements",
          "read:entries",
          "FinalisedEntryList",
        ),
      },
      "/cases/{caseId}/people": {
        get: read("The people on the case", "write:people", "PersonList"),
        post: write("Add a person to the case", "write:people", "PersonInput", "Person", {
          create: true,
        }),
      },
      "/cases/{caseId}/people/{personId}": {
        put: write("Change a person", "write:people", "PersonInput", "Person", {
          parameters: [
            { name: "personId", in: "path", required: true, schema: { type: "string" } },
          ],
        }),
      },
      "/cases/{caseId}/contacts": {
        get: read(
          "The people's contact details and whom each is hidden from (confidential, read-only)",
          "read:contacts",
          "ContactList",
        ),
      },
      "/cases/{caseId}/legal-status": {
        get: read("The case's legal status", "write:legal_status", "LegalStatus", true),
        put: write(
          "Change the legal status",
          "write:legal_status",
          "LegalStatusInput",
          "LegalStatus",
        ),
      },
      "/cases/{caseId}/placement": {
        get: read(
          "Where the child lives (confidential)",
          "write:placement",
          "PlacementState",
          true,
        ),
        put: write(
          "Correct the placement, or record a move",
          "write:placement",
          "PlacementInput",
          "PlacementState",
        ),
      },
      "/openapi.json": {
        get: {
          summary: "This document",
          security: [],
          responses: { "200": { description: "The OpenAPI document" } },
        },
      },
    },
  };
}
