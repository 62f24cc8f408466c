import { mkdir } from "node:fs/promises";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { ConnectionError } from "./connection-errors.js";
import { PGLITE_EXTENSIONS } from "./pglite-extensions.js";
import type { Driver, Queryable } from "./driver.js";

/** PGlite, in memory (`dataDir` null) or in a data directory that is created when missing. */
export async function openEmbedded(dataDir: string | null): Promise<Driver> {
  const target = dataDir === null ? "pglite://memory" : `pglite://${dataDir}`;
  try {
    if (dataDir !== null) await mkdir(dataDir, { recursive: true });
    const db = await PGlite.create({ ...(dataDir === null ? {} : { dataDir }), extensions: PGLITE_EXTENSIONS });
    return new PgliteDriver(db, target);
  } catch (error) {
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
    await this.db.close();
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
