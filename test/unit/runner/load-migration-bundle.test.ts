import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrationLoader, type MigrationLoader } from "../../../src/runner/load-migration.js";
import { offlineContext } from "../../../src/runner/migration-contexts.js";
import type { MigrationMeta } from "../../../src/runner/migration-meta.js";
import { migrationMetaFromSource } from "../../../src/runner/read-migration-meta.js";
import { MigrationLoadError } from "../../../src/runner/runner-errors.js";

/** A migration whose up() runs one statement, computed by `expression` (TypeScript, may use imports). */
function source(revision: string, expression: string, head = ""): string {
  return `${head}
export const revision = "${revision}";
export const revises = null;
export async function up(db: { execute(sql: string): Promise<void> }): Promise<void> {
  await db.execute(${expression} as string);
}
export async function down(): Promise<void> {}
`;
}

describe("migrationLoader with prepared (bundled) migrations", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "tidemark-bundle-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string): MigrationMeta => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return migrationMetaFromSource(file, Buffer.from(text));
  };
  const statementOf = async (load: MigrationLoader, meta: MigrationMeta): Promise<string | undefined> => {
    const statements: string[] = [];
    await (await load(meta)).up(offlineContext(meta.revision, statements));
    return statements[0];
  };
  const prepared = async (metas: readonly MigrationMeta[]): Promise<MigrationLoader> => {
    const load = migrationLoader();
    await load.prepare?.(metas);
    return load;
  };

  it("loads each file with its own relative imports, packages from the migrations folder, and import.meta", async () => {
    mkdirSync(join(dir, "lib"));
    writeFileSync(join(dir, "lib", "names.ts"), "export const table = (n: number): string => `t${n}`;\n");
    mkdirSync(join(dir, "node_modules", "chain-pkg"), { recursive: true });
    writeFileSync(join(dir, "node_modules", "chain-pkg", "package.json"), JSON.stringify({ name: "chain-pkg", main: "index.js" }));
    writeFileSync(join(dir, "node_modules", "chain-pkg", "index.js"), "exports.word = 'from-package';\n");
    const metas = [
      write("a.ts", source("aaaa00000001", "`SELECT ${table(1)}`", 'import { table } from "./lib/names.js";')),
      write("b.ts", source("aaaa00000002", "`SELECT '${word}'`", 'import { word } from "chain-pkg";')),
      write("c.ts", source("aaaa00000003", "`SELECT '${import.meta.url.endsWith(\"/c.ts\")}'`")),
      write("d.ts", source("aaaa00000004", "`SELECT '${await Promise.resolve(4)}'`", "await Promise.resolve();")),
    ];
    const load = await prepared(metas);
    const statements = [];
    for (const meta of metas) statements.push(await statementOf(load, meta));
    expect(statements).toEqual(["SELECT t1", "SELECT 'from-package'", "SELECT 'true'", "SELECT '4'"]);
  });

  it("runs a migration's top-level code at its own load, so migration 2 fails only when its turn comes", async () => {
    const first = write("1.ts", source("aaaa00000001", '"SELECT 1"'));
    const second = write("2.ts", source("aaaa00000002", '"SELECT 2"', 'throw new Error("boom at load");'));
    const load = await prepared([first, second]);
    expect(await statementOf(load, first)).toBe("SELECT 1");
    const error = await load(second).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MigrationLoadError);
    expect((error as MigrationLoadError).message).toMatch(/2\.ts: boom at load/);
  });

  it("reports a syntax error or a missing import in one file as before, and loads the others", async () => {
    const good = write("1.ts", source("aaaa00000001", '"SELECT 1"'));
    const broken = write("2.ts", source("aaaa00000002", '"SELECT 2"', "const = 1;"));
    const missing = write("3.ts", source("aaaa00000003", "x", 'import { x } from "./nowhere.js";'));
    const load = await prepared([good, broken, missing]);
    expect(await statementOf(load, good)).toBe("SELECT 1");
    const syntax = await load(broken).catch((caught: unknown) => caught);
    expect((syntax as MigrationLoadError).message).toMatch(/^Cannot load migration .*2\.ts: .*\(line 1\)$/);
    const unresolved = await load(missing).catch((caught: unknown) => caught);
    expect(unresolved).toBeInstanceOf(MigrationLoadError);
    expect((unresolved as MigrationLoadError).message).toMatch(/nowhere/);
    // The same messages as a loader that never bundled.
    for (const [meta, error] of [[broken, syntax], [missing, unresolved]] as const) {
      const unprepared = await migrationLoader()(meta).catch((caught: unknown) => caught);
      expect((error as MigrationLoadError).message).toBe((unprepared as MigrationLoadError).message);
    }
  });

  // Written just before (compared byte for byte) and long before (compared by stat), the same size.
  for (const age of ["just written", "written an hour before"]) {
    it(`runs a helper as it is at the load, when it changed after prepare (${age})`, async () => {
      const helper = join(dir, "helper.ts");
      writeFileSync(helper, 'export const sql = "SELECT old";\n');
      const meta = write("1.ts", source("aaaa00000001", "sql", 'import { sql } from "./helper.js";'));
      const hourAgo = new Date(Date.now() - 3_600_000);
      if (age !== "just written") for (const file of [helper, meta.file]) utimesSync(file, hourAgo, hourAgo);
      const load = await prepared([meta]);
      const unchanged = await prepared([meta]);
      writeFileSync(helper, 'export const sql = "SELECT new";\n');
      expect(await statementOf(load, meta)).toBe("SELECT new");
      writeFileSync(helper, 'export const sql = "SELECT old";\n');
      if (age !== "just written") utimesSync(helper, hourAgo, hourAgo);
      expect(await statementOf(unchanged, meta)).toBe("SELECT old");
    });
  }
});
