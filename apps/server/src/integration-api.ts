// The integration API on the practitioner port, /api/v1 (issue 7, part 5): an Express router
// beside the React Router app, because it serves JSON to other systems, not pages to people
// (docs/decisions/010-integration-api.md). Each handler authenticates the system, validates
// with the zod schemas the OpenAPI document is generated from, calls one service, and answers
// JSON or a problem (RFC 9457). The services ask the policy and write the audit trail.
import { createHash } from "node:crypto";
import { type Database, recordAudit } from "@homeward/db";
import { AccessDenied, NotFound } from "@homeward/services";
import {
  AUDIT_APP,
  type AuthenticatedClient,
  authenticate,
} from "@homeward/services/integration/credentials";
import { openApiDocument } from "@homeward/services/integration/openapi";
import {
  legalStatusInputSchema,
  personInputSchema,
  placementInputSchema,
} from "@homeward/services/integration/schemas";
import {
  agreementsOf,
  classificationOf,
  contactsOf,
  createPerson,
  finalisedEntriesOf,
  IdempotencyKeyReused,
  legalStatusOfCase,
  listCases,
  PreconditionFailed,
  PreconditionRequired,
  peopleOf,
  placementOf,
  putLegalStatus,
  putPlacement,
  RecordRuleBroken,
  type SystemContext,
  updatePerson,
  type WriteOptions,
  type WriteResult,
} from "@homeward/services/integration/service";
import express, { type NextFunction, type Request, type Response } from "express";
import type { z } from "zod";

export interface IntegrationApiOptions {
  db: Database;
  clock: () => Date;
  /** Requests a minute from one address before 429 (failed sign-ins count too). */
  requestsPerMinute?: number;
}

const PROBLEM = "application/problem+json";

class Problem extends Error {
  readonly status: number;
  readonly code: string;
  readonly extra: {
    errors?: { path: string; message: string }[];
    headers?: Record<string, string>;
  };
  constructor(status: number, code: string, title: string, extra: Problem["extra"] = {}) {
    super(title);
    this.status = status;
    this.code = code;
    this.extra = extra;
  }
}

function sendProblem(res: Response, problem: Problem) {
  for (const [name, value] of Object.entries(problem.extra.headers ?? {}))
    res.setHeader(name, value);
  res
    .status(problem.status)
    .type(PROBLEM)
    .send(
      JSON.stringify({
        type: `urn:homeward:problem:${problem.code.toLowerCase().replaceAll("_", "-")}`,
        title: problem.message,
        status: problem.status,
        code: problem.code,
        ...(problem.extra.errors && { errors: problem.extra.errors }),
      }),
    );
}

/** What a service threw, as the problem the system is told. */
function problemOf(error: unknown): Problem {
  if (error instanceof Problem) return error;
  if (error instanceof AccessDenied) {
    // Another authority's case is not this system's business, not even that it exists.
    if (error.reason === "OTHER_AUTHORITY") return new Problem(404, "NOT_FOUND", "No such case");
    return new Problem(403, error.reason, "Not allowed for this client");
  }
  if (error instanceof NotFound) return new Problem(404, "NOT_FOUND", "Not found");
  if (error instanceof PreconditionRequired)
    return new Problem(428, "IF_MATCH_REQUIRED", "Send If-Match with the ETag you changed");
  if (error instanceof PreconditionFailed)
    return new Problem(412, "STALE_VERSION", "Changed since the version you sent", {
      headers: { ETag: error.current },
    });
  if (error instanceof IdempotencyKeyReused)
    return new Problem(
      422,
      "IDEMPOTENCY_KEY_REUSED",
      "That Idempotency-Key was used for another request",
    );
  if (error instanceof RecordRuleBroken)
    return new Problem(422, error.code, "The record does not allow this");
  if (isUniqueViolation(error))
    return new Problem(
      409,
      "IDEMPOTENCY_KEY_IN_USE",
      "A request with that Idempotency-Key is still running",
    );
  const parse = error as { type?: string; status?: number };
  if (parse?.type === "entity.parse.failed")
    return new Problem(400, "MALFORMED_JSON", "The body is not JSON");
  if (parse?.type === "entity.too.large")
    return new Problem(413, "TOO_LARGE", "The body is too large");
  return new Problem(500, "INTERNAL", "Something went wrong on our side");
}

function isUniqueViolation(error: unknown): boolean {
  for (
    let e = error as { code?: string; cause?: unknown } | undefined;
    e;
    e = e.cause as typeof e
  ) {
    if (e.code === "23505") return true;
  }
  return false;
}

/** One fixed window a minute per address: enough to stop a runaway loop or a key guesser. */
function rateLimiter(perMinute: number) {
  const windows = new Map<string, { start: number; count: number }>();
  return (req: Request, _res: Response, next: NextFunction) => {
    const now = Date.now();
    const key = req.socket.remoteAddress ?? "unknown";
    let window = windows.get(key);
    if (!window || now - window.start >= 60_000) {
      if (windows.size > 10_000) windows.clear();
      window = { start: now, count: 0 };
      windows.set(key, window);
    }
    window.count++;
    if (window.count > perMinute) {
      const retry = Math.ceil((window.start + 60_000 - now) / 1000);
      return next(
        new Problem(429, "RATE_LIMITED", "Too many requests", {
          headers: { "Retry-After": String(retry) },
        }),
      );
    }
    next();
  };
}

type Handler = (req: Request, res: Response, ctx: SystemContext) => Promise<void>;

function body<T extends z.ZodType>(schema: T, req: Request): z.output<T> {
  if (!req.is("application/json"))
    throw new Problem(415, "JSON_REQUIRED", "Send the body as application/json");
  const parsed = schema.safeParse(req.body);
  if (!parsed.success) {
    throw new Problem(400, "INVALID_BODY", "The body is not valid", {
      errors: parsed.error.issues.map((issue) => ({
        path: issue.path.join("."),
        message: issue.message,
      })),
    });
  }
  return parsed.data;
}

function writeOptions(req: Request, input: unknown, keyRequired: boolean): WriteOptions {
  const key = req.get("Idempotency-Key");
  if (key === undefined && keyRequired)
    throw new Problem(400, "IDEMPOTENCY_KEY_REQUIRED", "Send an Idempotency-Key with every POST");
  if (key !== undefined && (key.length < 8 || key.length > 200))
    throw new Problem(
      400,
      "INVALID_IDEMPOTENCY_KEY",
      "Idempotency-Key must be 8 to 200 characters",
    );
  const requestHash = createHash("sha256")
    .update(`${req.method} ${req.baseUrl}${req.path}\n${JSON.stringify(input)}`)
    .digest("hex");
  return {
    ifMatch: req.get("If-Match"),
    idempotency: key === undefined ? undefined : { key, requestHash },
  };
}

function sendWrite<T>(res: Response, result: WriteResult<T>, location?: string) {
  res.setHeader("ETag", result.etag);
  if (result.replayed) res.setHeader("Idempotency-Replayed", "true");
  if (location && result.status === 201) res.setHeader("Location", location);
  res.status(result.status).json(result.body);
}

const actionOf = (method: string) =>
  method === "POST" ? "create" : method === "PUT" ? "update" : "read";

const param = (req: Request, name: string): string => {
  const value = req.params[name];
  return typeof value === "string" ? value : "";
};

export function integrationApi(options: IntegrationApiOptions) {
  const router = express.Router();
  router.use((_req, res, next) => {
    // Case data: never kept by a cache on the way.
    res.setHeader("Cache-Control", "no-store");
    next();
  });
  router.use(rateLimiter(options.requestsPerMinute ?? 600));
  // Bodies are read only once the caller is known (see `route`).
  const json = express.json({ limit: "100kb", type: ["application/json", "application/*+json"] });
  const readBody = (req: Request, res: Response) =>
    new Promise<void>((resolve, reject) =>
      json(req, res, (error?: unknown) => (error ? reject(error) : resolve())),
    );

  router.get("/openapi.json", (req, res) => {
    res.json(openApiDocument(`${req.protocol}://${req.get("host") ?? "localhost"}`));
  });

  const route = (handler: Handler) => async (req: Request, res: Response, next: NextFunction) => {
    let client: AuthenticatedClient | null = null;
    try {
      const now = options.clock();
      const result = await authenticate(options.db, req.get("Authorization"), now);
      if (!result.ok) {
        throw new Problem(401, result.reason, "Send a valid key id and secret", {
          headers: { "WWW-Authenticate": 'Basic realm="homeward", Bearer realm="homeward"' },
        });
      }
      client = result.client;
      await readBody(req, res);
      await handler(req, res, { db: options.db, client, now });
    } catch (error) {
      // Refusals by the policy are audited where they happen; a call that failed for another
      // reason (bad body, stale version, unknown case) is audited here, so every call is.
      if (client && !(error instanceof AccessDenied)) {
        await recordAudit(options.db, {
          actorUserId: client.id,
          app: AUDIT_APP,
          action: actionOf(req.method),
          resourceType: "integration_call",
          caseId: error instanceof NotFound ? null : param(req, "caseId") || null,
          outcome: "failed",
          detail: { method: req.method, path: req.originalUrl, code: problemOf(error).code },
        }).catch(() => {});
      }
      next(error);
    }
  };

  router.get(
    "/cases",
    route(async (_req, res, ctx) => {
      res.json(await listCases(ctx));
    }),
  );
  router.get(
    "/cases/:caseId/classification",
    route(async (req, res, ctx) => {
      res.json(await classificationOf(ctx, param(req, "caseId")));
    }),
  );
  router.get(
    "/cases/:caseId/agreements",
    route(async (req, res, ctx) => {
      res.json(await agreementsOf(ctx, param(req, "caseId")));
    }),
  );
  router.get(
    "/cases/:caseId/entries",
    route(async (req, res, ctx) => {
      res.json(await finalisedEntriesOf(ctx, param(req, "caseId")));
    }),
  );
  router.get(
    "/cases/:caseId/people",
    route(async (req, res, ctx) => {
      res.json(await peopleOf(ctx, param(req, "caseId")));
    }),
  );
  router.post(
    "/cases/:caseId/people",
    route(async (req, res, ctx) => {
      const caseId = param(req, "caseId");
      const input = body(personInputSchema, req);
      const result = await createPerson(ctx, caseId, input, writeOptions(req, input, true));
      sendWrite(res, result, `${req.baseUrl}/cases/${caseId}/people/${result.body.id}`);
    }),
  );
  router.put(
    "/cases/:caseId/people/:personId",
    route(async (req, res, ctx) => {
      const input = body(personInputSchema, req);
      sendWrite(
        res,
        await updatePerson(
          ctx,
          param(req, "caseId"),
          param(req, "personId"),
          input,
          writeOptions(req, input, false),
        ),
      );
    }),
  );
  router.get(
    "/cases/:caseId/contacts",
    route(async (req, res, ctx) => {
      res.json(await contactsOf(ctx, param(req, "caseId")));
    }),
  );
  router.get(
    "/cases/:caseId/legal-status",
    route(async (req, res, ctx) => {
      const { body: view, etag } = await legalStatusOfCase(ctx, param(req, "caseId"));
      res.setHeader("ETag", etag).json(view);
    }),
  );
  router.put(
    "/cases/:caseId/legal-status",
    route(async (req, res, ctx) => {
      const input = body(legalStatusInputSchema, req);
      sendWrite(
        res,
        await putLegalStatus(ctx, param(req, "caseId"), input, writeOptions(req, input, false)),
      );
    }),
  );
  router.get(
    "/cases/:caseId/placement",
    route(async (req, res, ctx) => {
      const { body: view, etag } = await placementOf(ctx, param(req, "caseId"));
      res.setHeader("ETag", etag).json(view);
    }),
  );
  router.put(
    "/cases/:caseId/placement",
    route(async (req, res, ctx) => {
      const input = body(placementInputSchema, req);
      sendWrite(
        res,
        await putPlacement(ctx, param(req, "caseId"), input, writeOptions(req, input, false)),
      );
    }),
  );

  router.use((_req, _res, next) => next(new Problem(404, "NOT_FOUND", "No such endpoint")));
  router.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    sendProblem(res, problemOf(error));
  });

  // Resolves once the response is sent, so the host can wait for running calls on stop.
  return (req: Request, res: Response, next: NextFunction) =>
    new Promise<void>((resolve) => {
      res.once("close", resolve);
      res.once("finish", resolve);
      router(req, res, (error?: unknown) => {
        next(error);
        resolve();
      });
    });
}
