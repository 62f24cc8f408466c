import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrationLoader } from "../../../src/runner/load-migration.js";
import { offlineContext } from "../../../src/runner/migration-contexts.js";
import type { MigrationMeta } from "../../../src/runner/migration-meta.js";
import { migrationMetaFromSource } from "../../../src/runner/read-migration-meta.js";
import { MigrationLoadError } from "../../../src/runner/runner-errors.js";

const TYPED = `import type { MigrationContext } from "tidemark";
import { tableName } from "./helpers/names.js";

/** Typed, with a helper module. */
export const revision = "aaaa00000001";
export const revises = null;

interface Row { readonly n: number }

export async function up(db: MigrationContext): Promise<void> {
  const rows: Row[] = [{ n: 1 }];
  await db.execute(\`CREATE TABLE \${tableName(rows[0]!.n)} (id int)\`);
}

export async function down(db: MigrationContext): Promise<void> {
  await db.execute("DROP TABLE " + tableName(1) as string);
}
`;

describe("migrationLoader", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "tidemark-load-"));
    mkdirSync(join(dir, "helpers"));
    writeFileSync(join(dir, "helpers", "names.ts"), "export const tableName = (n: number): string => `public.t${n}`;\n");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, source: string): MigrationMeta => {
    const file = join(dir, name);
    writeFileSync(file, source);
    return migrationMetaFromSource(file, Buffer.from(source));
  };
  const statementsOf = async (migration: { up(db: ReturnType<typeof offlineContext>): Promise<void> }): Promise<readonly string[]> => {
    const statements: string[] = [];
    await migration.up(offlineContext("x", statements));
    return statements;
  };

  it("imports a TypeScript migration and its helper modules, prepared ahead or not", async () => {
    const meta = write("a.ts", TYPED);
    const prepared = migrationLoader();
    await prepared.prepare?.([meta]);
    expect(await statementsOf(await prepared(meta))).toEqual(["CREATE TABLE public.t1 (id int)"]);
    expect(await statementsOf(await migrationLoader()(meta))).toEqual(["CREATE TABLE public.t1 (id int)"]);
  });

  it("runs the file as it is when imported, even when it changed after prepare", async () => {
    const meta = write("a.ts", TYPED);
    const load = migrationLoader();
    await load.prepare?.([meta]);
    write("a.ts", TYPED.replace("CREATE TABLE", "CREATE UNLOGGED TABLE"));
    expect(await statementsOf(await load(meta))).toEqual(["CREATE UNLOGGED TABLE public.t1 (id int)"]);
  });

  it("names the file and the line of a syntax error, prepared or not", async () => {
    const meta = write("broken.ts", TYPED.replace("const rows: Row[] = [{ n: 1 }];", "const rows: Row[] = [{ n: 1 }]; const = 2;"));
    for (const prepare of [true, false]) {
      const load = migrationLoader();
      if (prepare) await load.prepare?.([meta]);
      const error = await load(meta).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(MigrationLoadError);
      expect((error as MigrationLoadError).message).toMatch(/^Cannot load migration .*broken\.ts: .*\(line 11\)$/);
    }
  });

  it("refuses a file whose revision export is not the literal its text declares", async () => {
    const meta = write("a.ts", TYPED);
    const error = await migrationLoader()({ ...meta, revision: "bbbb00000002" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MigrationLoadError);
    expect((error as MigrationLoadError).detail).toMatch(/revision export is not the literal 'bbbb00000002'/);
  });
});
