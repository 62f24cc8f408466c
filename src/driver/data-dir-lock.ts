import { open, readFile, unlink } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { DataDirectoryInUseError } from "./connection-errors.js";

/** The file that marks a PGlite data directory as open, holding the owner's pid and host. */
export const LOCK_FILE = "tidemark.lock";

const POLL_MS = 100;

/** A held lock: `release` removes the file (once). */
export interface DataDirLock {
  release(): Promise<void>;
}

interface Owner {
  readonly pid: number;
  readonly host: string;
}

/**
 * Takes the data directory for this process. PGlite does not stop two processes from opening one
 * directory (both write, and one's changes are lost), so tidemark does: the lock file is created
 * exclusively; a file left by a process that is gone (same host, pid not running) is removed; a
 * live owner is waited for, polling, up to `waitMs`, then DataDirectoryInUseError.
 */
export async function lockDataDir(dataDir: string, waitMs: number): Promise<DataDirLock> {
  const file = join(dataDir, LOCK_FILE);
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (await tryCreate(file)) return releaser(file);
    const owner = await readOwner(file);
    if (owner !== null && isGone(owner)) {
      await unlink(file).catch(() => undefined);
      continue;
    }
    if (Date.now() >= deadline) throw new DataDirectoryInUseError(dataDir, file, owner?.pid ?? null, owner?.host ?? null);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function tryCreate(file: string): Promise<boolean> {
  try {
    const handle = await open(file, "wx");
    await handle.writeFile(JSON.stringify({ pid: process.pid, host: hostname() } satisfies Owner));
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/** The owner the file names; null while it is being written or when it is not ours to read. */
async function readOwner(file: string): Promise<Owner | null> {
  try {
    const parsed = JSON.parse(await readFile(file, "utf8")) as Partial<Owner>;
    return typeof parsed.pid === "number" && typeof parsed.host === "string" ? { pid: parsed.pid, host: parsed.host } : null;
  } catch {
    return null;
  }
}

/** Only a process on this host can be known to be gone; another host's lock is always respected. */
function isGone(owner: Owner): boolean {
  if (owner.host !== hostname()) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

function releaser(file: string): DataDirLock {
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      await unlink(file).catch(() => undefined);
    },
  };
}
