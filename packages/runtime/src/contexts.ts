// What the host process hands each app: the shared services (one database handle for both
// apps) and per-request facts. Loaders read them with context.get(...).
// This package stays external to the apps' server builds so the host and the apps share
// these exact context keys (docs/decisions/003-one-process-two-apps.md).
import type { AppName, Auth } from "@homeward/auth";
import type { Database } from "@homeward/db";
import type { Mailer } from "@homeward/mail";
import { createContext } from "react-router";

export interface AppServices {
  app: AppName;
  db: Database;
  auth: Auth;
  mailer: Mailer;
  /** This app's public origin, e.g. http://localhost:3000 */
  origin: string;
  /** The other app's origin. */
  otherOrigin: string;
  /** Development-only pages (the mail outbox) are served only when true. */
  developmentPages: boolean;
  /**
   * The time as the case record sees it. The real clock in production; tests may start it at
   * a fixed moment (it then runs on from there) so date rules can be checked on any day.
   */
  clock: () => Date;
  /** Where "leave quickly" sends a family member: a neutral site. */
  leaveQuicklyUrl: string;
}

export interface RequestFacts {
  /** The CSP nonce for this response's inline scripts. */
  nonce: string;
  clientAddress: string;
}

export const servicesContext = createContext<AppServices>();
export const requestContext = createContext<RequestFacts>();
