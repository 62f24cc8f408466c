import { randomBytes } from "node:crypto";
import { connect } from "../driver/connect.js";
import { parseConnectionUrl } from "../driver/connection-url.js";
import type { Driver } from "../driver/driver.js";
import { redactUrl } from "../driver/redact-url.js";
import { quoteIdent } from "../ir/quote.js";
import { ScratchDatabaseError } from "./command-errors.js";

/**
 * Runs `work` on an empty database that nothing else uses, and removes it afterwards whatever
 * happens: a fresh PGlite in memory (`pglite://memory`), or a database created for the purpose on
 * the server a `postgres://` URL names (Prisma's shadow database), dropped at the end. The server's
 * own database is never written. A `pglite://<dir>` URL is refused: a directory is not scratch.
 */
export async function withScratchDatabase<T>(shadowUrl: string, root: string, work: (driver: Driver) => Promise<T>): Promise<T> {
  const target = parseConnectionUrl(shadowUrl, root);
  if (target.backend === "embedded") {
    if (target.dataDir !== null) throw new ScratchDatabaseError(shadowUrl, "a pglite:// directory would be overwritten; use pglite://memory or a postgres:// server");
    return withDriver(await connect(shadowUrl, root), work);
  }
  const name = `tidemark_scratch_${randomBytes(6).toString("hex")}`;
  const admin = await connect(shadowUrl, root);
  try {
    await createDatabase(admin, name, shadowUrl);
  } finally {
    await admin.close();
  }
  let result: T;
  try {
    result = await withDriver(await connect(databaseUrl(shadowUrl, name), root), work);
  } catch (error) {
    await dropDatabase(shadowUrl, root, name).catch(() => undefined); // the work's error is the one to report
    throw error;
  }
  await dropDatabase(shadowUrl, root, name);
  return result;
}

/**
 * Drops the scratch database on a connection of its own: one held open through a long run may
 * have been closed by the server or a pooler meanwhile.
 */
async function dropDatabase(shadowUrl: string, root: string, name: string): Promise<void> {
  const admin = await connect(shadowUrl, root);
  try {
    await admin.execute(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ScratchDatabaseError(shadowUrl, `DROP DATABASE ${name} failed (drop it by hand): ${detail}`, error);
  } finally {
    await admin.close();
  }
}

async function createDatabase(admin: Driver, name: string, shadowUrl: string): Promise<void> {
  try {
    await admin.execute(`CREATE DATABASE ${quoteIdent(name)}`);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ScratchDatabaseError(shadowUrl, `CREATE DATABASE failed: ${detail}`, error);
  }
}

async function withDriver<T>(driver: Driver, work: (driver: Driver) => Promise<T>): Promise<T> {
  try {
    return await work(driver);
  } finally {
    await driver.close();
  }
}

/** The same server URL, naming another database. */
function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** The shadow URL fit to print. */
export function describeShadow(shadowUrl: string): string {
  return shadowUrl.startsWith("pglite://") ? "the embedded PGlite (in memory)" : `a scratch database on ${redactUrl(shadowUrl)}`;
}
