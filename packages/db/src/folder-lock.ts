// Only one process may open a PGlite data folder; a second one would corrupt it.
// The lock file names the holder so the refusal can say which process to stop.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";

interface LockHolder {
  pid: number;
  holder: string;
  since: string;
}

export class FolderLockedError extends Error {
  readonly lockPath: string;
  readonly holder: LockHolder;

  constructor(lockPath: string, holder: LockHolder) {
    super(
      `The database folder is already open in process ${holder.pid} (${holder.holder}, since ${holder.since}). ` +
        `Stop that process first, or point DATABASE_URL somewhere else. Lock file: ${lockPath}`,
    );
    this.name = "FolderLockedError";
    this.lockPath = lockPath;
    this.holder = holder;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the lock or throws FolderLockedError; returns the function that releases it. */
export function acquireFolderLock(lockPath: string, holder: string): () => void {
  const record = JSON.stringify({ pid: process.pid, holder, since: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, record);
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const existing = readHolder(lockPath);
      if (existing && isAlive(existing.pid)) {
        throw new FolderLockedError(lockPath, existing);
      }
      // A lock left by a process that died: take it over.
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the database lock ${lockPath}`);
}

function readHolder(lockPath: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(lockPath, "utf8"));
  } catch {
    return null;
  }
}
