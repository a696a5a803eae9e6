import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { acquireFolderLock, FolderLockedError } from "./folder-lock.ts";

const lockIn = () => join(mkdtempSync(join(tmpdir(), "hw-lock-")), "pglite.lock");

describe("acquireFolderLock", () => {
  it("records who holds the folder and releases it", () => {
    const path = lockIn();
    const release = acquireFolderLock(path, "test runner");
    expect(JSON.parse(readFileSync(path, "utf8"))).toMatchObject({
      pid: process.pid,
      holder: "test runner",
    });
    release();
    acquireFolderLock(path, "again")();
  });

  it("refuses a second opener while the holder lives, naming the holder", () => {
    const path = lockIn();
    writeFileSync(
      path,
      JSON.stringify({
        pid: process.ppid,
        holder: "homeward server",
        since: "2026-11-26T10:00:00Z",
      }),
    );
    expect(() => acquireFolderLock(path, "second")).toThrow(FolderLockedError);
    expect(() => acquireFolderLock(path, "second")).toThrow(
      `process ${process.ppid} (homeward server`,
    );
  });

  it("refuses a second open inside the same process too", () => {
    const path = lockIn();
    acquireFolderLock(path, "first");
    expect(() => acquireFolderLock(path, "second")).toThrow(FolderLockedError);
  });

  it("takes over a lock left behind by a process that has died", () => {
    const path = lockIn();
    writeFileSync(
      path,
      JSON.stringify({ pid: 2 ** 22 + 12345, holder: "crashed", since: "2026-01-01T00:00:00Z" }),
    );
    const release = acquireFolderLock(path, "new holder");
    expect(JSON.parse(readFileSync(path, "utf8")).holder).toBe("new holder");
    release();
  });
});
