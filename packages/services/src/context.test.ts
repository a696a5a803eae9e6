import { describe, expect, it } from "vitest";
import { once, type ServiceContext } from "./context.ts";

/** Like a drizzle query builder: the work runs each time it is awaited. */
function lazyQuery(counter: { runs: number }) {
  return {
    // biome-ignore lint/suspicious/noThenProperty: this test models a thenable query builder.
    then<T>(resolve: (value: string[]) => T, reject?: (error: unknown) => T) {
      counter.runs++;
      return Promise.resolve(["row"]).then(resolve, reject);
    },
  };
}

function context(memo?: Map<string, Promise<unknown>>): ServiceContext {
  return { memo } as unknown as ServiceContext;
}

describe("once", () => {
  it("runs a lazy query once per request however often the result is awaited", async () => {
    const counter = { runs: 0 };
    const ctx = context(new Map());
    const first = await once(ctx, "k", () => lazyQuery(counter) as unknown as Promise<string[]>);
    const again = once(ctx, "k", () => lazyQuery(counter) as unknown as Promise<string[]>);
    await again;
    await again;
    expect(first).toEqual(["row"]);
    expect(await again).toEqual(["row"]);
    expect(counter.runs).toBe(1);
  });

  it("keeps keys apart", async () => {
    const ctx = context(new Map());
    expect(await once(ctx, "a", async () => 1)).toBe(1);
    expect(await once(ctx, "b", async () => 2)).toBe(2);
  });

  it("runs every time without a memo (an action must see its own writes)", async () => {
    const counter = { runs: 0 };
    const ctx = context();
    await once(ctx, "k", () => lazyQuery(counter) as unknown as Promise<string[]>);
    await once(ctx, "k", () => lazyQuery(counter) as unknown as Promise<string[]>);
    expect(counter.runs).toBe(2);
  });
});
