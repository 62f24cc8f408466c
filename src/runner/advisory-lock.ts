import { createHash } from "node:crypto";
import type { Driver } from "../driver/driver.js";
import type { QualifiedName } from "../ir/qualified-name.js";
import { quoteQualified } from "../ir/quote.js";
import { LockTimeoutError } from "./runner-errors.js";

/** The first key of tidemark's two-key advisory locks ('tdmk'), so they never meet an application's. */
const LOCK_CLASS = 0x74646d6b;
const POLL_MS = 200;

/** The lock's second key: derived from the version table, so two tidemark projects in one database do not block each other. */
export function lockKey(versionTable: QualifiedName): number {
  return createHash("sha256").update(quoteQualified(versionTable.schema, versionTable.name)).digest().readInt32BE(0);
}

/**
 * Runs `work` holding a session-level advisory lock, so two deploys never run migrations at once:
 * the second waits (up to `timeoutMs`), then finds nothing left to do. A process that dies loses
 * its session and with it the lock. The embedded database is one process's, and needs none.
 */
export async function withMigrationLock<T>(
  driver: Driver,
  versionTable: QualifiedName,
  timeoutMs: number,
  work: () => Promise<T>,
): Promise<T> {
  if (driver.backend === "embedded") return work();
  const key = lockKey(versionTable);
  const started = Date.now();
  for (;;) {
    const [row] = await driver.query<{ locked: boolean }>("select pg_try_advisory_lock($1, $2) as locked", [LOCK_CLASS, key]);
    if (row?.locked === true) break;
    if (Date.now() - started >= timeoutMs) throw new LockTimeoutError(driver.target, Date.now() - started);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  try {
    return await work();
  } finally {
    await driver.query("select pg_advisory_unlock($1, $2)", [LOCK_CLASS, key]).catch(() => undefined);
  }
}
