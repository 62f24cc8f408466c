import { execFile } from "node:child_process";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { differenceSection } from "../../src/cli/report/difference-section.js";
import { sqlScript } from "../../src/cli/report/sql-script.js";
import { diffSources } from "../../src/commands/diff-sources.js";
import type { Project } from "../../src/commands/open-project.js";
import type { SchemaSource } from "../../src/commands/schema-source.js";
import { diffSchemas } from "../../src/diff/diff-schemas.js";
import { connect } from "../../src/driver/connect.js";
import type { Driver } from "../../src/driver/driver.js";
import { introspect } from "../../src/introspect/introspect.js";
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

/**
 * Builds both sides of one case in fresh databases; `tidemark diff --from <before> --to <after>`
 * (its code path, in process: `project` is a project with the default config, as in a folder
 * without one), its SQL run on `before` with psql, then diff again: nothing may be left. Then the
 * down statements of the first diff, which must give back the schema `before` started with.
 */
export async function runCase(serverUrl: string, dir: string, id: number, project: Project): Promise<Outcome> {
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
    const schemas = await userSchemas([before, after]);
    return await converge({ project, beforeUrl, afterUrl, before, schemas, id });
  } catch (error) {
    return { result: "failed", detail: firstLine(error) };
  } finally {
    for (const driver of drivers) await driver.close().catch(() => undefined);
    for (const name of names) await admin.execute(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`).catch(() => undefined);
    await admin.close();
  }
}

async function userSchemas(drivers: readonly Driver[]): Promise<readonly string[]> {
  const names = await Promise.all(drivers.map(async (driver) => (await driver.query<{ name: string }>(USER_SCHEMAS)).map((row) => row.name)));
  return [...new Set(names.flat())].sort();
}

interface CaseDatabases {
  readonly project: Project;
  readonly beforeUrl: string;
  readonly afterUrl: string;
  /** A connection to `before`, to apply the down statements and read it back. */
  readonly before: Driver;
  /** Every user schema of either side: what `--schema` would list. */
  readonly schemas: readonly string[];
  readonly id: number;
}

async function converge(db: CaseDatabases): Promise<Outcome> {
  const from: SchemaSource = { kind: "url", url: db.beforeUrl };
  const to: SchemaSource = { kind: "url", url: db.afterUrl };
  const difference = await diffSources(db.project, from, to, { schemas: db.schemas });
  if (difference.unsupported.length > 0) return { result: "unsupported", objects: difference.unsupported };
  const script = sqlScript(differenceSection("before → after", difference));
  const file = join(tmpdir(), `tidemark_corpus_${process.pid}_${db.id}.sql`);
  writeFileSync(file, script);
  try {
    await load(db.beforeUrl, file);
  } catch (error) {
    return { result: "failed", detail: `psql -f on the diff's SQL: ${firstLine(error)}` };
  } finally {
    rmSync(file, { force: true });
  }
  const again = await diffSources(db.project, from, to, { schemas: db.schemas });
  if (again.changes.length > 0 || again.unsupported.length > 0) {
    return { result: "failed", detail: `diff again after its SQL, still differs: ${describe(again.changes)} ${again.unsupported.join(", ")}`.trim() };
  }
  const read = () => introspect(db.before, { schemas: db.schemas, exclude: [] });
  await applyAll(db.before, difference.plan.down.map((s) => s.sql), "down");
  const leftAfterDown = diffSchemas(await read(), difference.from);
  if (leftAfterDown.length > 0) return { result: "failed", detail: `after down, still differs: ${describe(leftAfterDown)}` };
  return { result: "converged", changes: difference.changes.length };
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
