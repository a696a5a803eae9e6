import { describe, expect, test } from "vitest";
import {
  accountReadMode,
  parseReadMode,
  type ReadModeFacts,
  resolveReadMode,
} from "./read-mode.ts";

const leah: ReadModeFacts = {
  asked: null,
  thisVisit: null,
  account: { easyRead: false, chosen: false },
  recordedNeed: false,
};
const kerry: ReadModeFacts = { ...leah, recordedNeed: true };

describe("which pages a family member sees: easy read or standard", () => {
  test("a parent with no recorded need and no choice sees the standard pages", () => {
    expect(resolveReadMode(leah)).toEqual({ mode: "standard", source: "default" });
  });

  test("Kerry, whose social worker recorded that she reads easy read, gets it without asking", () => {
    expect(resolveReadMode(kerry)).toEqual({ mode: "easy", source: "case" });
  });

  test("Kerry can turn it off in her account, and that choice stands", () => {
    const off = { ...kerry, account: { easyRead: false, chosen: true } };
    expect(resolveReadMode(off)).toEqual({ mode: "standard", source: "account" });
  });

  test("a parent who turns easy read on in the account gets it on every page", () => {
    const on = { ...leah, account: { easyRead: true, chosen: true } };
    expect(resolveReadMode(on)).toEqual({ mode: "easy", source: "account" });
  });

  test("easy read set on the account by someone else (the host system) still counts", () => {
    expect(accountReadMode({ easyRead: true, chosen: false }, false)).toEqual({
      mode: "easy",
      source: "account",
    });
  });

  test("the switch on a page wins over the account, both ways", () => {
    expect(resolveReadMode({ ...kerry, asked: "standard" })).toEqual({
      mode: "standard",
      source: "page",
    });
    expect(resolveReadMode({ ...leah, asked: "easy" })).toEqual({ mode: "easy", source: "page" });
  });

  test("what was switched earlier this visit holds until the page is switched again", () => {
    expect(resolveReadMode({ ...leah, thisVisit: "easy" })).toEqual({
      mode: "easy",
      source: "visit",
    });
    expect(resolveReadMode({ ...kerry, thisVisit: "easy", asked: "standard" }).mode).toBe(
      "standard",
    );
    expect(resolveReadMode({ ...kerry, thisVisit: "standard" }).mode).toBe("standard");
  });
});

describe("reading the switch from an address or a cookie", () => {
  test("only the two modes are understood", () => {
    expect(parseReadMode("easy")).toBe("easy");
    expect(parseReadMode("standard")).toBe("standard");
    for (const other of ["", "EASY", "1", "on", null, undefined]) {
      expect(parseReadMode(other)).toBeNull();
    }
  });
});
