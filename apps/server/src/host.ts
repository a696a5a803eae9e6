// One Node process serves both apps on their two ports over one database handle: PGlite
// allows a single process per data folder (docs/decisions/003-one-process-two-apps.md).
import "./node-env.ts";
import type { Server } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type AppName, type Auth, createAccount, createAuth } from "@homeward/auth";
import {
  type DatabaseHandle,
  demoPassword,
  demoTotpSecret,
  openDatabase,
  seedDemoData,
} from "@homeward/db";
import { createMailer, type Mailer } from "@homeward/mail";
import { type AppServices, requestContext, servicesContext } from "@homeward/runtime";
import { sendDeadlineReminders } from "@homeward/services/notifications";
import { createRequestHandler } from "@react-router/express";
import compression from "compression";
import express from "express";
import { RouterContextProvider, type ServerBuild } from "react-router";
import { toNodeHandler } from "better-auth/node";
import type { HostConfig } from "./env.ts";
import { InFlight } from "./in-flight.ts";
import { integrationApi } from "./integration-api.ts";
import { createNotifications } from "./notifications.ts";
import { securityHeaders } from "./security-headers.ts";

export interface Host {
  database: DatabaseHandle;
  auth: Record<AppName, Auth>;
  mailer: Mailer;
  urls: Record<AppName, string>;
  /** Where the portal's "leave quickly" goes. */
  leaveQuicklyUrl: string;
  stop(): Promise<void>;
}

const appDirectories: Record<AppName, string> = {
  portal: fileURLToPath(new URL("../../portal", import.meta.url)),
  practitioner: fileURLToPath(new URL("../../practitioner", import.meta.url)),
};

/**
 * What this process does. The only process (the default) sets up the database, serves, and
 * sends reminders. With several processes on PostgreSQL (HOMEWARD_PROCESSES), the primary
 * sets up and serves nothing, and the workers serve; only the first sends reminders.
 */
export interface HostRole {
  /** Run migrations and seed demo data (once, before anyone serves). */
  setUp: boolean;
  /** Serve the two apps. */
  serve: boolean;
  /** Send the hourly reply-by reminders. */
  reminders: boolean;
}

const onlyProcess: HostRole = { setUp: true, serve: true, reminders: true };

export async function startHost(
  config: HostConfig,
  log: (line: string) => void = console.log,
  role: HostRole = onlyProcess,
): Promise<Host> {
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.pgliteDir,
    holder: `homeward server (pid ${process.pid})`,
  });
  try {
    if (role.setUp) await database.migrate();
    const mailer = createMailer(
      database.db,
      config.mail.kind === "outbox" ? { kind: "outbox", echo: log } : config.mail,
    );
    const notifications = createNotifications(mailer);
    const origins: Record<AppName, string> = {
      portal: config.portal.origin,
      practitioner: config.practitioner.origin,
    };
    const auth = {} as Record<AppName, Auth>;
    for (const app of ["portal", "practitioner"] as const) {
      auth[app] = createAuth({
        app,
        db: database.db,
        secret: config.authSecret,
        baseURL: origins[app],
        secureCookies: config.production,
        signInAttemptsPerMinute: config.signInAttemptsPerMinute,
        sendSignInCode: (to, code) =>
          notifications.sendSignInCode(
            { email: to.email, language: to.language, discreet: to.discreet },
            code,
          ),
        sendPasswordReset: (to, url) =>
          notifications.sendPasswordReset(
            { email: to.email, language: to.language, discreet: to.discreet },
            url,
          ),
      });
    }
    if (role.setUp && config.seedDemo) {
      const seeded = await seedDemoData(database.db, (account) =>
        createAccount(auth[account.kind === "family" ? "portal" : "practitioner"], {
          ...account,
          password: demoPassword,
          ...(account.kind === "practitioner" ? { totpSecret: demoTotpSecret } : {}),
        }),
      );
      if (seeded) log("Demo data created.");
    }

    const servers: Server[] = [];
    const inFlight = new InFlight();
    for (const app of role.serve ? (["portal", "practitioner"] as const) : []) {
      const services: AppServices = {
        app,
        db: database.db,
        auth: auth[app],
        mailer,
        origin: origins[app],
        otherOrigin: origins[app === "portal" ? "practitioner" : "portal"],
        developmentPages: !config.production,
        clock: config.clock,
        leaveQuicklyUrl: config.leaveQuicklyUrl,
      };
      const handler = await buildApp(
        app,
        services,
        config.production,
        config.env === "development" ? "development" : "production",
        inFlight,
      );
      const port = app === "portal" ? config.portal.port : config.practitioner.port;
      servers.push(await listen(handler, config.host, port));
    }

    // Reply-by reminders: at start, then every hour (each is sent once, so repeats are safe).
    const runReminders = () =>
      sendDeadlineReminders(
        { db: database.db, mailer, portalOrigin: origins.portal },
        { today: ukToday(config.clock()) },
      ).catch((error: unknown) =>
        log(`Deadline reminders failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    let reminding: Promise<unknown> = role.reminders ? runReminders() : Promise.resolve();
    const reminders = setInterval(
      () => {
        if (role.reminders) reminding = runReminders();
      },
      60 * 60 * 1000,
    );
    reminders.unref();

    return {
      database,
      auth,
      mailer,
      urls: origins,
      leaveQuicklyUrl: config.leaveQuicklyUrl,
      async stop() {
        clearInterval(reminders);
        await reminding;
        // Stop taking requests first (kept-alive connections could otherwise keep sending
        // them), then let those already running - some a client gave up on - finish before
        // the database closes under them.
        const closed = Promise.all(
          servers.map((server) => new Promise<void>((done) => server.close(() => done()))),
        );
        for (const server of servers) server.closeIdleConnections();
        await inFlight.close(30_000);
        for (const server of servers) server.closeAllConnections();
        await closed;
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

async function buildApp(
  app: AppName,
  services: AppServices,
  production: boolean,
  mode: "development" | "production",
  inFlight: InFlight,
) {
  const buildDir = join(appDirectories[app], "build");
  const build = (await import(join(buildDir, "server/index.js"))) as ServerBuild;
  const server = express();
  server.disable("x-powered-by");
  server.set("trust proxy", false);
  server.use(securityHeaders({ production }));
  server.use(compression());
  // The client address comes from the socket, never from a header a browser could forge.
  server.use((req, _res, next) => {
    req.headers["x-homeward-client-ip"] = req.socket.remoteAddress ?? "unknown";
    next();
  });
  server.use(
    "/assets",
    express.static(join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }),
  );
  server.use(express.static(join(buildDir, "client"), { maxAge: "1h", index: false }));
  server.all("/api/auth/*splat", inFlight.track(toNodeHandler(services.auth)));
  // Host case-management systems: JSON, key-and-secret authentication, no sessions.
  if (app === "practitioner") {
    server.use(
      "/api/v1",
      inFlight.track(integrationApi({ db: services.db, clock: services.clock })),
    );
  }
  server.all(
    "*splat",
    inFlight.track(
      createRequestHandler({
        build,
        mode,
        getLoadContext(req, res) {
          const context = new RouterContextProvider();
          context.set(servicesContext, services);
          context.set(requestContext, {
            nonce: res.locals.nonce as string,
            clientAddress: req.socket.remoteAddress ?? "unknown",
          });
          return context;
        },
      }),
    ),
  );
  return server;
}

function listen(handler: express.Express, host: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = handler.listen(port, host, () => resolve(server));
    server.once("error", reject);
  });
}

/** Today's date where the families are: deadlines are UK calendar dates. */
function ukToday(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(now);
}
