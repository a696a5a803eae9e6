import { createTestDatabase, databaseUnderTest, type TestDatabase } from "@homeward/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer, withSenderName } from "./index.ts";

describe(`the development outbox on ${databaseUnderTest}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle.dispose());

  it("keeps every message, newest first, and echoes it to the terminal", async () => {
    const echoed: string[] = [];
    const mailer = createMailer(handle.db, { kind: "outbox", echo: (line) => echoed.push(line) });
    await mailer.send({ to: "a@example.test", subject: "First", text: "one" });
    await new Promise((r) => setTimeout(r, 5));
    await mailer.send({ to: "b@example.test", subject: "Second", text: "two" });
    const outbox = await mailer.outbox(10);
    expect(outbox.map((m) => m.subject)).toEqual(["Second", "First"]);
    expect(outbox[0]).toMatchObject({ to: "b@example.test", text: "two", transport: "outbox" });
    expect(echoed[1]).toContain("b@example.test");
  });

  it("an SMTP mailer shows no outbox: bodies may hold sign-in codes", async () => {
    const mailer = createMailer(handle.db, {
      kind: "smtp",
      url: "smtp://127.0.0.1:1",
      from: "homeward@example.test",
    });
    expect(await mailer.outbox()).toEqual([]);
  });
});

describe("sender names", () => {
  it("keeps the configured address and replaces only the name", () => {
    expect(withSenderName("Homeward <noreply@council.example>", "Account notifications")).toEqual({
      name: "Account notifications",
      address: "noreply@council.example",
    });
    expect(withSenderName("noreply@council.example", "X")).toEqual({
      name: "X",
      address: "noreply@council.example",
    });
  });
});
