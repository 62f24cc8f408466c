import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Config } from "../../src/config/config.js";
import { resolveConfig } from "../../src/config/resolve-config.js";
import type { Driver } from "../../src/driver/driver.js";
import { loadGraph } from "../../src/commands/load-graph.js";
import { runContext, type RunOptions } from "../../src/commands/run-context.js";
import type { RunContext } from "../../src/runner/migrator.js";
import { FIXTURES } from "./fixture-cases.js";

/** A project in a temporary folder whose migrations are copied from `fixtures/migrations/<case>`. */
export interface MigrationProject {
  readonly dir: string;
  readonly config: Config;
  /** Copies more fixture migrations in (a second branch, an edit). */
  add(fixture: string, file?: string): void;
  run(driver: Driver, options?: RunOptions): Promise<RunContext>;
  dispose(): void;
}

export function migrationProject(...fixtures: readonly string[]): MigrationProject {
  const dir = mkdtempSync(join(tmpdir(), "tidemark-migrations-"));
  const config = resolveConfig({}, null, dir);
  mkdirSync(config.migrationsDir, { recursive: true });
  const add = (fixture: string, file?: string) => {
    const from = join(FIXTURES, "migrations", fixture);
    for (const name of file === undefined ? readdirSync(from) : [file]) cpSync(join(from, name), join(config.migrationsDir, name));
  };
  fixtures.forEach((fixture) => add(fixture));
  return {
    dir,
    config,
    add,
    run: async (driver, options = {}) => runContext(config, driver, await loadGraph(config), options),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The version table's rows, sorted. */
export async function versionRowsOf(driver: Driver): Promise<readonly string[]> {
  const rows = await driver.query<{ revision: string }>("select revision from public.tidemark_version order by revision");
  return rows.map((row) => row.revision);
}

/** The tables in `public`, sorted, leaving out tidemark's own. */
export async function tablesOf(driver: Driver): Promise<readonly string[]> {
  const rows = await driver.query<{ name: string }>(
    "select tablename as name from pg_tables where schemaname = 'public' and tablename not like 'tidemark_%' order by 1",
  );
  return rows.map((row) => row.name);
}
