// What every service call needs: the database, who is asking, from which app, and when.
import type { AppName } from "@homeward/auth";
import type { Database } from "@homeward/db";

export interface ServiceContext {
  db: Database;
  /** The signed-in user. */
  userId: string;
  kind: "family" | "practitioner";
  app: AppName;
  now: Date;
}

/** Refused by the access policy. Loaders turn it into a 403 (or 404 where existence is secret). */
export class AccessDenied extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(`Access denied: ${reason}`);
    this.name = "AccessDenied";
    this.reason = reason;
  }
}

export class NotFound extends Error {
  constructor(what: string) {
    super(`Not found: ${what}`);
    this.name = "NotFound";
  }
}

/** Someone else saved first: the caller keeps the person's text and shows both versions. */
export class StaleWrite extends Error {
  readonly currentVersion: number;
  constructor(currentVersion: number) {
    super("Changed by someone else");
    this.name = "StaleWrite";
    this.currentVersion = currentVersion;
  }
}
