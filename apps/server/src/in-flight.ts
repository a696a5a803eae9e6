// Counts the requests that use the database, so stopping can wait for them, and turns away
// any that reach a handler once stopping has begun.
import type express from "express";

type Handler = (req: express.Request, res: express.Response, next: express.NextFunction) => unknown;

export class InFlight {
  private count = 0;
  private closed = false;
  private waiters: (() => void)[] = [];

  /**
   * Wraps a handler so its whole run - not just the response - is counted. A request can
   * still be on its way through earlier middleware (a static-file lookup) when stopping
   * begins; once closed, such a request gets 503 here instead of meeting a closed database.
   */
  track(handler: Handler) {
    return async (req: express.Request, res: express.Response, next: express.NextFunction) => {
      if (this.closed) {
        res.status(503).set({ "Retry-After": "1", Connection: "close" }).end();
        return;
      }
      this.count++;
      try {
        await handler(req, res, next);
      } finally {
        this.count--;
        if (this.count === 0) for (const wake of this.waiters.splice(0)) wake();
      }
    };
  }

  /** Turns away new requests, then waits (at most timeoutMs) for those running to finish. */
  close(timeoutMs: number): Promise<void> {
    this.closed = true;
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
