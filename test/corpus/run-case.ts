import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { autogenerate } from "../../src/sql/autogenerate.js";
import { diffSchemas } from "../../src/diff/diff-schemas.js";
import { connect } from "../../src/driver/connect.js";
import type { Driver } from "../../src/driver/driver.js";
import { introspect } from "../../src/introspect/introspect.js";
import { changesInInheritance, readUnmanagedObjects, unmanagedDifferences } from "../../src/introspect/unmanaged-objects.js";
import { quoteIdent } from "../../src/ir/quote.js";
import { withDatabase } from "../support/backends.js";

const run = promisify(execFile);

export type Outcome =
  | { readonly result: "converged"; readonly changes: number }
  | { readonly result: "unsupported"; readonly objects: readonly string[] }
  | { readonly result: "invalid input"; readonly detail: string }
  | { readonly result: "failed"; readonly detail: string };

const USER_SCHEMAS = "select nspname as name from pg_namespace where nspname !~ '^pg_' and nspname <> 'information_schema' order by 1";

/** Loads a SQL file the way the corpus was verified: psql, stopping at the first error. */
async function load(url: string, file: string): Promise<void> {
  await run("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-f", file], { timeout: 120_000 });
}

/** Builds both sides of one case in fresh databases, plans before → after, applies up and down. */
export async function runCase(serverUrl: string, dir: string, id: number): Promise<Outcome> {
  const admin = await connect(serverUrl, process.cwd());
  const names = [`tidemark_corpus_${process.pid}_${id}_a`, `tidemark_corpus_${process.pid}_${id}_b`] as const;
  const drivers: Driver[] = [];
  try {
    for (const name of names) await admin.execute(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE template0`);
    const [beforeUrl, afterUrl] = names.map((name) => withDatabase(serverUrl, name)) as [string, string];
    try {
      if (existsSync(join(dir, "before.sql"))) await load(beforeUrl, join(dir, "before.sql"));
      if (existsSync(join(dir, "after.sql"))) await load(afterUrl, join(dir, "after.sql"));
    } catch (error) {
      return { result: "invalid input", detail: firstLine(error) };
    }
    const before = await connect(beforeUrl, process.cwd());
    const after = await connect(afterUrl, process.cwd());
    drivers.push(before, after);
    return await converge(before, after);
  } catch (error) {
    return { result: "failed", detail: firstLine(error) };
  } finally {
    for (const driver of drivers) await driver.close().catch(() => undefined);
    for (const name of names) await admin.execute(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`).catch(() => undefined);
    await admin.close();
  }
}

async function converge(before: Driver, after: Driver): Promise<Outcome> {
  const schemaNames = async (driver: Driver) => (await driver.query<{ name: string }>(USER_SCHEMAS)).map((row) => row.name);
  const schemas = [...new Set([...(await schemaNames(before)), ...(await schemaNames(after))])];
  const read = (driver: Driver) => introspect(driver, { schemas, exclude: [] });
  const [unmanagedBefore, unmanagedAfter] = [await readUnmanagedObjects(before, schemas), await readUnmanagedObjects(after, schemas)];
  const unsupported = unmanagedDifferences(unmanagedBefore, unmanagedAfter);
  if (unsupported.length > 0) return { result: "unsupported", objects: unsupported };
  const initial = await read(before);
  const target = await read(after);
  const { changes, plan } = autogenerate({ from: initial, to: target });
  const inherited = changesInInheritance(changes, [...unmanagedBefore, ...unmanagedAfter]);
  if (inherited.length > 0) return { result: "unsupported", objects: inherited };
  await applyAll(before, plan.up.map((s) => s.sql), "up");
  const leftAfterUp = diffSchemas(await read(before), target);
  if (leftAfterUp.length > 0) return { result: "failed", detail: `after up, still differs: ${describe(leftAfterUp)}` };
  await applyAll(before, plan.down.map((s) => s.sql), "down");
  const leftAfterDown = diffSchemas(await read(before), initial);
  if (leftAfterDown.length > 0) return { result: "failed", detail: `after down, still differs: ${describe(leftAfterDown)}` };
  return { result: "converged", changes: changes.length };
}

async function applyAll(driver: Driver, statements: readonly string[], direction: string): Promise<void> {
  for (const sql of statements) {
    try {
      await driver.execute(sql);
    } catch (error) {
      throw new Error(`${direction}: ${firstLine(error)} in: ${sql.replaceAll(/\s+/g, " ").slice(0, 160)}`);
    }
  }
}

function describe(changes: readonly { readonly kind: string }[]): string {
  return changes.map((change) => JSON.stringify(change).slice(0, 240)).slice(0, 3).join(" ; ");
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? ((error as { stderr?: string }).stderr || error.message) : String(error);
  return text.split("\n").find((line) => line.trim() !== "")?.trim() ?? "unknown error";
}
