import { describe, expect, it } from "vitest";
import { checkSameOrigin } from "./origin.ts";

const app = "http://localhost:3000";
const post = (headers: Record<string, string>) =>
  new Request(`${app}/agreement`, { method: "POST", headers });

describe("checkSameOrigin", () => {
  it("lets a same-origin form post through", () => {
    expect(checkSameOrigin(post({ origin: app, "sec-fetch-site": "same-origin" }), app)).toEqual({
      ok: true,
    });
  });
  it("refuses a post from another site", () => {
    expect(
      checkSameOrigin(post({ origin: "http://evil.test", "sec-fetch-site": "cross-site" }), app).ok,
    ).toBe(false);
  });
  it("refuses a post from the other Homeward app (same site, other origin)", () => {
    expect(
      checkSameOrigin(post({ origin: "http://localhost:3001", "sec-fetch-site": "same-site" }), app)
        .ok,
    ).toBe(false);
  });
  it("refuses a post with a foreign Origin even without Sec-Fetch-Site", () => {
    expect(checkSameOrigin(post({ origin: "http://evil.test" }), app).ok).toBe(false);
  });
  it("refuses a post that carries neither header", () => {
    expect(checkSameOrigin(post({}), app).ok).toBe(false);
  });
  it("never blocks a GET", () => {
    expect(
      checkSameOrigin(new Request(app, { headers: { origin: "http://evil.test" } }), app).ok,
    ).toBe(true);
  });
});
