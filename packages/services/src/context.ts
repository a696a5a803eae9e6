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
  /**
   * Reads shared by the service calls of one page request (the viewer's memberships, their
   * cases): a page asks the same question from several services. Set only for GET requests,
   * which change no case data; an action's reads must see its own writes, so it has none.
   */
  memo?: Map<string, Promise<unknown>>;
}

/** `load()` once per request for `key` when the context carries a memo, else every time. */
export function once<T>(ctx: ServiceContext, key: string, load: () => Promise<T>): Promise<T> {
  if (!ctx.memo) return load();
  let found = ctx.memo.get(key) as Promise<T> | undefined;
  if (!found) {
    // Promise.resolve runs a lazy thenable (a drizzle query builder runs its query each time
    // it is awaited) exactly once; the promise it returns is what is shared.
    found = Promise.resolve(load());
    ctx.memo.set(key, found);
  }
  return found;
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
