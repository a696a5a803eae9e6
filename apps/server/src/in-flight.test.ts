import type express from "express";
import { describe, expect, it, vi } from "vitest";
import { InFlight } from "./in-flight.ts";

function fakeResponse() {
  const response = {
    statusCode: 200,
    headers: {} as Record<string, string>,
    ended: false,
    status(code: number) {
      response.statusCode = code;
      return response;
    },
    set(headers: Record<string, string>) {
      Object.assign(response.headers, headers);
      return response;
    },
    end() {
      response.ended = true;
      return response;
    },
  };
  return response;
}

function call(handler: ReturnType<InFlight["track"]>) {
  const res = fakeResponse();
  const done = handler({} as express.Request, res as unknown as express.Response, () => {});
  return { res, done };
}

describe("requests in flight", () => {
  it("waits for a running request before closing", async () => {
    const inFlight = new InFlight();
    let finish = () => {};
    const handler = inFlight.track(() => new Promise<void>((resolve) => (finish = resolve)));
    const { done } = call(handler);
    let closed = false;
    const closing = inFlight.close(10_000).then(() => (closed = true));
    await Promise.resolve();
    expect(closed).toBe(false);
    finish();
    await done;
    await closing;
    expect(closed).toBe(true);
  });

  it("closes at once when nothing is running", async () => {
    await expect(new InFlight().close(10_000)).resolves.toBeUndefined();
  });

  it("turns away a request that reaches its handler after closing began, without running it", async () => {
    const inFlight = new InFlight();
    const work = vi.fn(async () => {});
    const handler = inFlight.track(work);
    await inFlight.close(10_000);
    const { res, done } = call(handler);
    await done;
    expect(work).not.toHaveBeenCalled();
    expect(res.statusCode).toBe(503);
    expect(res.headers).toMatchObject({ "Retry-After": "1", Connection: "close" });
    expect(res.ended).toBe(true);
  });

  it("stops waiting after the timeout, so a stuck request cannot hold the process", async () => {
    vi.useFakeTimers();
    try {
      const inFlight = new InFlight();
      call(inFlight.track(() => new Promise<void>(() => {})));
      const closing = inFlight.close(30_000);
      vi.advanceTimersByTime(30_000);
      await expect(closing).resolves.toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});
