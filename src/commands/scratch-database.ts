import { randomBytes } from "node:crypto";
import { withConnection } from "../driver/connect.js";
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
    return withConnection(shadowUrl, root, work);
  }
  const name = `tidemark_scratch_${randomBytes(6).toString("hex")}`;
  await onServer(shadowUrl, root, `CREATE DATABASE ${quoteIdent(name)}`, "CREATE DATABASE failed");
  // Dropped on a connection of its own: one held open through a long run may have been closed by
  // the server or a pooler meanwhile.
  const drop = () => onServer(shadowUrl, root, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`, `DROP DATABASE ${name} failed (drop it by hand)`);
  let result: T;
  try {
    result = await withConnection(databaseUrl(shadowUrl, name), root, work);
  } catch (error) {
    await drop().catch(() => undefined); // the work's error is the one to report
    throw error;
  }
  await drop();
  return result;
}

/** One statement on the shadow server's own database; a failure is a ScratchDatabaseError saying what failed. */
async function onServer(shadowUrl: string, root: string, sql: string, failure: string): Promise<void> {
  await withConnection(shadowUrl, root, async (admin) => {
    try {
      await admin.execute(sql);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new ScratchDatabaseError(shadowUrl, `${failure}: ${detail}`, error);
    }
  });
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
