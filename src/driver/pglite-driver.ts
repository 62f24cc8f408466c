import { mkdir } from "node:fs/promises";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { ConnectionError, DataDirectoryInUseError } from "./connection-errors.js";
import { LOCK_FILE, lockDataDir, type DataDirLock } from "./data-dir-lock.js";
import { createPglite } from "./pglite-template.js";
import type { Driver, Queryable } from "./driver.js";

/** How long opening a data directory waits for another tidemark process to close it. */
export const DATA_DIR_WAIT_MS = 60_000;

/**
 * PGlite, in memory (`dataDir` null) or in a data directory that is created when missing and held
 * by this process alone until closed (see lockDataDir).
 */
export async function openEmbedded(dataDir: string | null, waitMs = DATA_DIR_WAIT_MS): Promise<Driver> {
  const target = dataDir === null ? "pglite://memory" : `pglite://${dataDir}`;
  let lock: DataDirLock | null = null;
  try {
    if (dataDir !== null) {
      await mkdir(dataDir, { recursive: true });
      lock = await lockDataDir(dataDir, waitMs);
    }
    const db = await createPglite(dataDir, [LOCK_FILE, `${LOCK_FILE}.takeover`]);
    return new PgliteDriver(db, target, lock);
  } catch (error) {
    await lock?.release();
    if (error instanceof DataDirectoryInUseError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new ConnectionError(target, "embedded-open", detail, error);
  }
}

/** Wraps an already open PGlite (tests clone one template instance instead of booting many). */
export function wrapPglite(db: PGlite, target = "pglite://memory"): Driver {
  return new PgliteDriver(db, target);
}

class PgliteDriver implements Driver {
  readonly backend = "embedded";

  constructor(
    private readonly db: PGlite,
    readonly target: string,
    private readonly lock: DataDirLock | null = null,
  ) {}

  query<Row extends object>(sql: string, params: readonly unknown[] = []): Promise<readonly Row[]> {
    return runQuery<Row>(this.db, sql, params);
  }

  async execute(sql: string): Promise<void> {
    await this.db.exec(sql);
  }

  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(transactionQueryable(tx)));
  }

  async close(): Promise<void> {
    try {
      await this.db.close();
    } finally {
      await this.lock?.release();
    }
  }
}

function transactionQueryable(tx: Transaction): Queryable {
  return {
    query: <Row extends object>(sql: string, params: readonly unknown[] = []) => runQuery<Row>(tx, sql, params),
    execute: async (sql: string) => {
      await tx.exec(sql);
    },
  };
}

async function runQuery<Row extends object>(
  db: PGlite | Transaction,
  sql: string,
  params: readonly unknown[],
): Promise<readonly Row[]> {
  const result = await db.query<Row>(sql, [...params]);
  return result.rows;
}
