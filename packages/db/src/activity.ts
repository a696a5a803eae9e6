// When the database was last used, so closing it can wait for the work still running.
//
// Why: a page request whose browser goes away is answered at once (the request is aborted),
// but its loaders carry on in the background and may still query the database. Counting
// requests cannot see that work, so a process that is stopping waits for the database to
// fall quiet before closing it, instead of failing those queries.

export class DatabaseActivity {
  private running = 0;
  private lastActiveAt = 0;

  private readonly now: () => number;

  constructor(now: () => number = () => performance.now()) {
    this.now = now;
  }

  begin(): void {
    this.running++;
    this.lastActiveAt = this.now();
  }

  end(): void {
    this.running = Math.max(0, this.running - 1);
    this.lastActiveAt = this.now();
  }

  /** Wraps a function so each call counts as database work until its promise settles. */
  wrap<A extends unknown[], R>(work: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
    return async (...args: A) => {
      this.begin();
      try {
        return await work(...args);
      } finally {
        this.end();
      }
    };
  }

  /**
   * Resolves once nothing has run for `quietMs`, or after `maxMs` whatever is running (a
   * query stuck on a lock must not keep the process from stopping).
   */
  async waitForQuiet(quietMs: number, maxMs: number): Promise<void> {
    const deadline = this.now() + maxMs;
    for (;;) {
      const quietFor = this.now() - this.lastActiveAt;
      if (this.running === 0 && quietFor >= quietMs) return;
      if (this.now() >= deadline) return;
      const wait = this.running === 0 ? quietMs - quietFor : Math.min(quietMs, 20);
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, wait)));
    }
  }
}
