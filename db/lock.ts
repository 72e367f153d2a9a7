import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export class DatabaseLockedError extends Error {
  override name = "DatabaseLockedError";
}

type LockInfo = { pid: number; hostname: string; command: string; startedAt: string };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(file: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as LockInfo;
  } catch {
    return null;
  }
}

/**
 * Takes an exclusive, process-wide lock on an embedded database directory.
 * PGlite has no cross-process locking, and two processes on one directory corrupt it,
 * so a second opener must fail at once. Stale locks (dead process) are taken over.
 */
export function acquireDirectoryLock(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "preflight.lock");
  const info: LockInfo = {
    pid: process.pid,
    hostname: os.hostname(),
    command: process.argv.slice(1, 3).join(" "),
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(info), { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        const current = readLock(file);
        if (current?.pid === process.pid) fs.rmSync(file, { force: true });
        process.removeListener("exit", release);
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLock(file);
      const stale = holder !== null && holder.hostname === os.hostname() && !isAlive(holder.pid);
      if (holder?.pid === process.pid) {
        throw new DatabaseLockedError(
          `The embedded database in ${dir} is already open in this process.`,
        );
      }
      const unreadableAndOld = holder === null && Date.now() - fs.statSync(file).mtimeMs > 10_000;
      if (stale || unreadableAndOld) {
        fs.rmSync(file, { force: true });
        continue;
      }
      throw new DatabaseLockedError(
        `The embedded database in ${dir} is in use by ${holder ? `process ${holder.pid} (${holder.command || "unknown command"}, started ${holder.startedAt})` : "another process"}.\n` +
          "Only one process can open it at a time: stop that process first (for example the running Preflight server), " +
          "or set DATABASE_URL to use PostgreSQL.",
      );
    }
  }
  throw new DatabaseLockedError(`Could not take the lock ${file}.`);
}
