import { mkdir } from "node:fs/promises";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import { ConnectionError, DataDirectoryInUseError } from "./connection-errors.js";
import { CachedReadsDriver } from "./cached-reads-driver.js";
import { CATALOG_CACHE_FILE, readCatalogCache } from "./catalog-cache.js";
import { LOCK_FILE, lockDataDir, type DataDirLock } from "./data-dir-lock.js";
import type { Driver, Queryable } from "./driver.js";
import { joinStatements } from "./join-statements.js";

/** How long opening a data directory waits for another tidemark process to close it. */
export const DATA_DIR_WAIT_MS = 60_000;

/** Files of tidemark's own in a data directory: a directory holding only these is new. */
const OWN_FILES = [LOCK_FILE, `${LOCK_FILE}.takeover`, CATALOG_CACHE_FILE];

/**
 * PGlite, in memory (`dataDir` null) or in a data directory that is created when missing and held
 * by this process alone until closed (see lockDataDir). A data directory's reads are answered
 * from its saved answers while nothing has opened it since they were saved (CachedReadsDriver):
 * PGlite itself then starts only if a command asks something new or writes.
 */
export async function openEmbedded(dataDir: string | null, waitMs = DATA_DIR_WAIT_MS): Promise<Driver> {
  if (dataDir === null) return openPglite(null, "pglite://memory");
  const target = `pglite://${dataDir}`;
  let lock: DataDirLock;
  try {
    await mkdir(dataDir, { recursive: true });
    lock = await lockDataDir(dataDir, waitMs);
  } catch (error) {
    throw openError(error, target);
  }
  const saved = await readCatalogCache(dataDir);
  const driver = new CachedReadsDriver({ target, dataDir, lock, saved, open: () => openPglite(dataDir, target) });
  if (saved === null) {
    try {
      await driver.openNow(); // nothing saved: the database is needed, and opening it is how errors show here
    } catch (error) {
      await driver.close().catch(() => undefined);
      throw error;
    }
  }
  return driver;
}

async function openPglite(dataDir: string | null, target: string): Promise<Driver> {
  try {
    // PGlite and its extension bundles load here, not with this file: a command answered from
    // saved reads never starts the database, and importing them took 50-100 ms of its start.
    const { createPglite } = await import("./pglite-template.js");
    return new PgliteDriver(await createPglite(dataDir, OWN_FILES), target);
  } catch (error) {
    throw openError(error, target);
  }
}

function openError(error: unknown, target: string): Error {
  if (error instanceof DataDirectoryInUseError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new ConnectionError(target, "embedded-open", detail, error);
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
  ) {}

  query<Row extends object>(sql: string, params: readonly unknown[] = []): Promise<readonly Row[]> {
    return runQuery<Row>(this.db, sql, params);
  }

  async execute(sql: string): Promise<void> {
    await this.db.exec(sql);
  }

  queryBatch(statements: readonly string[]): Promise<readonly (readonly object[])[]> {
    return runBatch(this.db, statements);
  }

  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(transactionQueryable(tx)));
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}

function transactionQueryable(tx: Transaction): Queryable {
  return {
    query: <Row extends object>(sql: string, params: readonly unknown[] = []) => runQuery<Row>(tx, sql, params),
    execute: async (sql: string) => {
      await tx.exec(sql);
    },
    queryBatch: (statements: readonly string[]) => runBatch(tx, statements),
  };
}

async function runBatch(db: PGlite | Transaction, statements: readonly string[]): Promise<readonly (readonly object[])[]> {
  if (statements.length === 0) return [];
  const results = await db.exec(joinStatements(statements));
  return results.map((result) => result.rows);
}

async function runQuery<Row extends object>(
  db: PGlite | Transaction,
  sql: string,
  params: readonly unknown[],
): Promise<readonly Row[]> {
  const result = await db.query<Row>(sql, [...params]);
  return result.rows;
}
