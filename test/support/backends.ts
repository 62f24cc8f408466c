import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { connect } from "../../src/driver/connect.js";
import type { Driver } from "../../src/driver/driver.js";
import { createPglite } from "../../src/driver/pglite-template.js";
import { wrapPglite } from "../../src/driver/pglite-driver.js";
import { quoteIdent } from "../../src/ir/quote.js";

/** A database made for one test, dropped by `dispose`. */
export interface TestDatabase {
  readonly driver: Driver;
  /** A URL another process (the CLI) can open, or null for an in-memory PGlite. */
  readonly url: string | null;
  dispose(): Promise<void>;
}

export interface Backend {
  readonly name: "pglite" | "postgres";
  /** False for the server when TEST_DATABASE_URL is unset: its tests are reported as skipped. */
  readonly available: boolean;
  create(): Promise<TestDatabase>;
}

export const SERVER_URL = process.env["TEST_DATABASE_URL"];


let template: Promise<PGlite> | undefined;

/** PGlite boots in ~2 s but clones in ~0.5 s: one template per worker, a clone per test. */
const pglite: Backend = {
  name: "pglite",
  available: true,
  async create() {
    template ??= createPglite(null);
    const db = (await (await template).clone()) as PGlite;
    const driver = wrapPglite(db);
    return { driver, url: null, dispose: () => driver.close() };
  },
};

function server(url: string | undefined): Backend {
  return {
    name: "postgres",
    available: url !== undefined,
    async create() {
      if (url === undefined) throw new Error("TEST_DATABASE_URL is not set");
      const name = `tidemark_test_${randomBytes(6).toString("hex")}`;
      const admin = await connect(url, process.cwd());
      await admin.execute(`CREATE DATABASE ${quoteIdent(name)}`);
      const databaseUrl = withDatabase(url, name);
      const driver = await connect(databaseUrl, process.cwd());
      return {
        driver,
        url: databaseUrl,
        async dispose() {
          await driver.close();
          await admin.execute(`DROP DATABASE ${quoteIdent(name)} WITH (FORCE)`);
          await admin.close();
        },
      };
    },
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** PGlite, and the server; tests skip the server (and say so) when TEST_DATABASE_URL is unset. */
export const BACKENDS: readonly Backend[] = [pglite, server(SERVER_URL)];

export function backendTitle(backend: Backend): string {
  return backend.available ? backend.name : `${backend.name} (skipped: TEST_DATABASE_URL is not set)`;
}

/** Runs `work` on a fresh database of `backend` and drops it afterwards, whatever happens. */
export async function withDatabaseOf<T>(backend: Backend, work: (db: TestDatabase) => Promise<T>): Promise<T> {
  const db = await backend.create();
  try {
    return await work(db);
  } finally {
    await db.dispose();
  }
}
