import { describe, expect, it } from "vitest";
import { VIEWS_PROMPTS } from "./views.ts";

describe("views and wishes prompts", () => {
  it("ask what is going well, the worries, the wishes and when, and who the child trusts", () => {
    expect(VIEWS_PROMPTS).toEqual(["goingWell", "worries", "wants", "wantsWhen", "trustedPerson"]);
  });
});
