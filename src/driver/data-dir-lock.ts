import { randomBytes } from "node:crypto";
import { open, readFile, unlink } from "node:fs/promises";
import { hostname } from "node:os";
import { join, resolve } from "node:path";
import { DataDirectoryInUseError } from "./connection-errors.js";

/** The file that marks a PGlite data directory as open, holding the owner's pid, host and a token. */
export const LOCK_FILE = "tidemark.lock";

const POLL_MS = 100;

/** The directories this process holds: its own pid in a lock file is stale unless listed here. */
const held = new Set<string>();

/** A held lock: `release` removes the file (once, and only while it is still ours). */
export interface DataDirLock {
  release(): Promise<void>;
}

interface Owner {
  readonly pid: number;
  readonly host: string;
  readonly token: string;
}

/**
 * Takes the data directory for this process. PGlite does not stop two processes from opening one
 * directory (both write, and one's changes are lost), so tidemark does: the lock file is created
 * exclusively; a file left by a process that is gone (same host, pid not running, or our own pid
 * from before a restart) is taken over (see takeOver); a live owner is waited for, polling, up to
 * `waitMs`, then DataDirectoryInUseError. This process opening a directory it holds is refused
 * at once: waiting for itself would never end.
 */
export async function lockDataDir(dataDir: string, waitMs: number): Promise<DataDirLock> {
  const dir = resolve(dataDir);
  const file = join(dir, LOCK_FILE);
  const deadline = Date.now() + waitMs;
  for (;;) {
    const mine: Owner = { pid: process.pid, host: hostname(), token: randomBytes(8).toString("hex") };
    if (await tryCreate(file, mine)) {
      held.add(dir);
      return releaser(dir, file, mine);
    }
    if (held.has(dir)) throw new DataDirectoryInUseError(dataDir, file, process.pid, hostname());
    const owner = await readOwner(file);
    if (owner !== null && isGone(owner)) {
      await takeOver(file, owner);
      continue;
    }
    if (Date.now() >= deadline) throw new DataDirectoryInUseError(dataDir, file, owner?.pid ?? null, owner?.host ?? null);
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
}

async function tryCreate(file: string, owner: Owner): Promise<boolean> {
  try {
    const handle = await open(file, "wx");
    try {
      await handle.writeFile(JSON.stringify(owner));
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/**
 * Removes a stale lock without ever removing a live one: only the waiter that creates the
 * `.takeover` file may delete, and it deletes only if the lock file still holds the stale owner's
 * token (while the lock file exists nobody else can create one, and its dead owner cannot release
 * it). Others wait for the next poll. A takeover file left by a process that died in those few
 * microseconds is itself stale and removed.
 */
async function takeOver(file: string, stale: Owner): Promise<void> {
  const guard = `${file}.takeover`;
  const me: Owner = { pid: process.pid, host: hostname(), token: randomBytes(8).toString("hex") };
  if (!(await tryCreate(guard, me))) {
    const other = await readOwner(guard);
    if (other !== null && other.pid !== process.pid && isGone(other)) await unlink(guard).catch(() => undefined);
    return;
  }
  try {
    if ((await readOwner(file))?.token === stale.token) await unlink(file).catch(() => undefined);
  } finally {
    await unlink(guard).catch(() => undefined);
  }
}

/** The owner the file names; null while it is being written or when it cannot be read. */
async function readOwner(file: string): Promise<Owner | null> {
  try {
    const parsed = JSON.parse(await readFile(file, "utf8")) as Partial<Owner>;
    if (typeof parsed.pid !== "number" || typeof parsed.host !== "string") return null;
    return { pid: parsed.pid, host: parsed.host, token: typeof parsed.token === "string" ? parsed.token : "" };
  } catch {
    return null;
  }
}

/**
 * Only a process on this host can be known to be gone; another host's lock is always respected.
 * Our own pid means a previous life of this container (a restart that reused the pid), since the
 * directories this process holds are refused before a lock file is read.
 */
function isGone(owner: Owner): boolean {
  if (owner.host !== hostname()) return false;
  if (owner.pid === process.pid) return true;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

function releaser(dir: string, file: string, mine: Owner): DataDirLock {
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      held.delete(dir);
      if ((await readOwner(file))?.token === mine.token) await unlink(file).catch(() => undefined);
    },
  };
}
