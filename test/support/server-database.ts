import { randomBytes } from "node:crypto";
import { connect } from "../../src/driver/connect.js";
import type { Driver } from "../../src/driver/driver.js";
import { quoteIdent } from "../../src/ir/quote.js";
import { SERVER_URL, withDatabase } from "./backends.js";

/** Runs `work` with a fresh database on the test server (its URL and a connection), dropped afterwards. */
export async function withServerDatabase<T>(work: (url: string, driver: Driver) => Promise<T>): Promise<T> {
  if (SERVER_URL === undefined) throw new Error("TEST_DATABASE_URL is not set");
  const name = `tidemark_test_${randomBytes(6).toString("hex")}`;
  const admin = await connect(SERVER_URL, process.cwd());
  try {
    await admin.execute(`CREATE DATABASE ${quoteIdent(name)}`);
    const url = withDatabase(SERVER_URL, name);
    const driver = await connect(url, process.cwd());
    try {
      return await work(url, driver);
    } finally {
      await driver.close();
      await admin.execute(`DROP DATABASE ${quoteIdent(name)} WITH (FORCE)`);
    }
  } finally {
    await admin.close();
  }
}

/** The scratch databases (`tidemark_scratch_*`) on the test server, by name: none may be left behind. */
export async function scratchDatabases(): Promise<readonly string[]> {
  if (SERVER_URL === undefined) return [];
  const admin = await connect(SERVER_URL, process.cwd());
  try {
    const rows = await admin.query<{ name: string }>("select datname as name from pg_database where datname like 'tidemark\\_scratch\\_%'");
    return rows.map((row) => row.name);
  } finally {
    await admin.close();
  }
}
