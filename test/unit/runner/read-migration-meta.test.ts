import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TidemarkError } from "../../../src/errors/tidemark-error.js";
import { MigrationMetaError, MigrationsFolderNotFoundError } from "../../../src/runner/migration-meta-errors.js";
import { isMigrationFileName, migrationMetaFromSource, readMigrationMetas } from "../../../src/runner/read-migration-meta.js";
import { FIXTURES, readJson } from "../../support/fixture-cases.js";

const META = join(FIXTURES, "runner", "meta");

interface ExpectedMeta {
  readonly revision: string;
  readonly revises: readonly string[];
  readonly branchLabels: readonly string[];
  readonly dependsOn: readonly string[];
  readonly transactional: boolean;
  readonly message: string;
}

interface ExpectedRejection {
  readonly problem: string;
  readonly exportName: string;
  readonly line: number | null;
  readonly message?: string;
}

const accepted = readJson<{ files: Record<string, ExpectedMeta> }>(META, "accepted.json").files;
const rejected = readJson<{ files: Record<string, ExpectedRejection> }>(META, "rejected.json").files;

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

describe("readMigrationMetas on accepted/", () => {
  it("reads every literal form, from the files' text", async () => {
    const dir = join(META, "accepted");
    const metas = await readMigrationMetas(dir);
    expect(metas.map((meta) => meta.file)).toEqual(Object.keys(accepted).sort().map((name) => join(dir, name)));
    for (const meta of metas) {
      const name = meta.file.slice(dir.length + 1);
      const { file, checksum, ...read } = meta;
      expect(read, name).toEqual(accepted[name]);
      expect(checksum, name).toBe(sha256(readFileSync(file)));
    }
  });

  it("reads CRLF line endings the same way, with the checksum of the bytes as they are", () => {
    const file = join(META, "accepted", "backticks-as-const.ts");
    const crlf = Buffer.from(readFileSync(file, "utf8").replaceAll("\n", "\r\n"));
    const { file: _, checksum, ...read } = migrationMetaFromSource(file, crlf);
    expect(read).toEqual(accepted["backticks-as-const.ts"]);
    expect(checksum).toBe(sha256(crlf));
    expect(checksum).not.toBe(sha256(readFileSync(file)));
  });
});

describe("migrationMetaFromSource on rejected/", () => {
  it.each(Object.entries(rejected))("%s", (name, expected) => {
    const file = join(META, "rejected", name);
    let thrown: unknown;
    try {
      migrationMetaFromSource(file, readFileSync(file));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MigrationMetaError);
    const error = thrown as MigrationMetaError;
    expect({ problem: error.problem, exportName: error.exportName, line: error.line, file: error.file }).toEqual({
      problem: expected.problem,
      exportName: expected.exportName,
      line: expected.line,
      file,
    });
    expect(error.message).toContain(expected.line === null ? file : `${file}:${expected.line}`);
    if (expected.message !== undefined) expect(error.message).toContain(expected.message);
    expect(error.hint.length).toBeGreaterThan(10);
  });
});

describe("the migrations folder", () => {
  it("holds *.ts, *.js and *.mjs files, not declarations, hidden files, other files or subfolders", async () => {
    const dir = join(META, "folder");
    const metas = await readMigrationMetas(dir);
    expect(metas.map((meta) => [meta.revision, meta.file])).toEqual([
      ["f1", join(dir, "001_f1.ts")],
      ["f2", join(dir, "002_f2.mjs")],
      ["f3", join(dir, "003_f3.js")],
    ]);
  });

  it("is named in the error when it is missing", async () => {
    const dir = join(META, "no-such-folder");
    const error: unknown = await readMigrationMetas(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MigrationsFolderNotFoundError);
    expect(error).toBeInstanceOf(TidemarkError);
    expect((error as MigrationsFolderNotFoundError).dir).toBe(dir);
    expect((error as Error).message).toContain(dir);
  });

  it.each([
    ["0001_init.ts", true],
    ["0001_init.js", true],
    ["0001_init.mjs", true],
    ["0001_init.d.ts", false],
    ["0001_init.ts.map", false],
    [".0001_init.ts", false],
    ["README.md", false],
  ])("%s is a migration file: %s", (name, expected) => {
    expect(isMigrationFileName(name)).toBe(expected);
  });
});
