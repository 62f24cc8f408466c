import { join } from "node:path";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { describe, expect, it } from "vitest";
import { parseJournal, readDrizzleKitFolder, splitStatements } from "../../../src/commands/import/drizzle-kit-folder.js";
import { DrizzleKitFolderError } from "../../../src/commands/import/import-errors.js";
import { FIXTURES } from "../../support/fixture-cases.js";

const FOLDER = join(FIXTURES, "drizzle-kit", "drizzle");

describe("readDrizzleKitFolder", () => {
  it("reads what drizzle-orm's migrator reads: the same hashes, times and statements, in journal order", async () => {
    const ours = await readDrizzleKitFolder(FOLDER);
    const theirs = readMigrationFiles({ migrationsFolder: FOLDER });
    expect(ours.map((migration) => migration.tag)).toEqual(["0000_init", "0001_comments_and_published_at", "0002_moderators"]);
    expect(ours.map(({ hash, when }) => ({ hash, folderMillis: when }))).toEqual(theirs.map(({ hash, folderMillis }) => ({ hash, folderMillis })));
    expect(ours.map((migration) => migration.statements)).toEqual(theirs.map((migration) => migration.sql.map((sql) => sql.trim().replace(/;$/, ""))));
  });

  it("names a folder without a journal", async () => {
    await expect(readDrizzleKitFolder(FIXTURES)).rejects.toThrow(DrizzleKitFolderError);
    await expect(readDrizzleKitFolder(FIXTURES)).rejects.toThrow(`Cannot import ${FIXTURES}: it has no meta/_journal.json`);
  });
});

describe("splitStatements", () => {
  it("splits on breakpoints, trims, drops one trailing semicolon and comment-only parts", () => {
    const text = "-- Custom SQL migration file, put your code below! --\n--> statement-breakpoint\nUPDATE t SET a = 1;\n--> statement-breakpoint\n\nCREATE INDEX i ON t (a);\nCREATE INDEX j ON t (b);\n";
    expect(splitStatements(text)).toEqual(["UPDATE t SET a = 1", "CREATE INDEX i ON t (a);\nCREATE INDEX j ON t (b)"]);
  });

  it("keeps a statement whose text follows a comment line", () => {
    expect(splitStatements("-- why\nDROP TABLE t;")).toEqual(["-- why\nDROP TABLE t"]);
  });
});

describe("parseJournal", () => {
  it.each([
    ["{", "it is not JSON"],
    ['{"dialect":"postgresql"}', "it has no `entries` list"],
    ['{"dialect":"mysql","entries":[]}', 'its dialect is "mysql", not postgresql'],
    ['{"entries":[{"tag":"../x","when":1}]}', "entry 0 needs a file name `tag` and a whole-number `when`"],
    ['{"entries":[{"tag":"0000_a","when":"yesterday"}]}', "entry 0 needs a file name `tag` and a whole-number `when`"],
  ])("refuses %s: %s", (text, reason) => {
    expect(() => parseJournal(text, "/p/drizzle/meta/_journal.json")).toThrow(`Cannot import /p/drizzle/meta/_journal.json: ${reason}`);
  });
});
