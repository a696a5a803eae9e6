import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DatabaseActivity } from "./activity.ts";

describe("waiting for the database to fall quiet", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function settledFlag(promise: Promise<void>) {
    const state = { settled: false };
    void promise.then(() => (state.settled = true));
    return state;
  }

  it("resolves at once when nothing has run for the quiet period", async () => {
    const activity = new DatabaseActivity(() => Date.now());
    vi.advanceTimersByTime(1_000);
    const state = settledFlag(activity.waitForQuiet(100, 5_000));
    await vi.advanceTimersByTimeAsync(0);
    expect(state.settled).toBe(true);
  });

  it("waits while work runs, then for the quiet period after it ends", async () => {
    const activity = new DatabaseActivity(() => Date.now());
    activity.begin();
    const state = settledFlag(activity.waitForQuiet(100, 5_000));
    await vi.advanceTimersByTimeAsync(500);
    expect(state.settled).toBe(false);
    activity.end();
    await vi.advanceTimersByTimeAsync(60);
    expect(state.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(60);
    expect(state.settled).toBe(true);
  });

  it("starts the quiet period again when new work begins and ends in it", async () => {
    const activity = new DatabaseActivity(() => Date.now());
    activity.begin();
    activity.end();
    const state = settledFlag(activity.waitForQuiet(100, 5_000));
    await vi.advanceTimersByTimeAsync(80);
    activity.begin();
    activity.end();
    await vi.advanceTimersByTimeAsync(80);
    expect(state.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(40);
    expect(state.settled).toBe(true);
  });

  it("gives up after the longest wait, so stuck work cannot hold the process", async () => {
    const activity = new DatabaseActivity(() => Date.now());
    activity.begin();
    const state = settledFlag(activity.waitForQuiet(100, 1_000));
    await vi.advanceTimersByTimeAsync(990);
    expect(state.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(40);
    expect(state.settled).toBe(true);
  });

  it("counts a wrapped call as running until its promise settles, failed or not", async () => {
    const activity = new DatabaseActivity(() => Date.now());
    let fail = (_error: Error) => {};
    const call = activity.wrap(() => new Promise<void>((_resolve, reject) => (fail = reject)))();
    const state = settledFlag(activity.waitForQuiet(100, 5_000));
    await vi.advanceTimersByTimeAsync(300);
    expect(state.settled).toBe(false);
    fail(new Error("query failed"));
    await expect(call).rejects.toThrow("query failed");
    await vi.advanceTimersByTimeAsync(100);
    expect(state.settled).toBe(true);
  });
});
