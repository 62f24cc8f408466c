import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { endsAtTopLevel } from "../../../src/runner/closed-statement.js";
import type { MigrationContext } from "../../../src/runner/migration-context.js";
import { isPlain, plainStatements } from "../../../src/runner/plain-migration.js";

interface FunctionCase {
  readonly case: string;
  readonly source: string;
  readonly plain: boolean;
}

interface StatementCase {
  readonly case: string;
  readonly sql: string;
  readonly closed: boolean;
}

const read = <T>(name: string): readonly T[] => JSON.parse(readFileSync(new URL(`../../../fixtures/runner/${name}`, import.meta.url), "utf8")) as T[];

describe("a migration function that only executes SQL text", () => {
  it.each(read<FunctionCase>("plain-functions.json").map((c) => [c.case, c] as const))("%s", (_, c) => {
    expect(isPlain(c.source)).toBe(c.plain);
  });

  it("tells a long body without semicolons that ends in something else in linear time", () => {
    // Each gap between two calls could be split two ways: the pattern once backtracked over all of
    // them (a 20-call function did not finish in a minute).
    const calls = Array.from({ length: 200 }, (_, i) => `  await db.execute("CREATE TABLE t${i} (id int)")`);
    expect(isPlain(`async function up(db) {\n${calls.join("\n")}\n  console.log("done")\n}`)).toBe(false);
    expect(isPlain(`async function up(db) {\n${calls.join("\n")}\n}`)).toBe(true);
  }, 5_000);

  it("gives its statements in order, read by running it against a collecting context", async () => {
    const up = async (db: MigrationContext): Promise<void> => {
      await db.execute("CREATE TABLE a (id int)");
      await db.execute('INSERT INTO a VALUES (1)');
    };
    expect(await plainStatements(up)).toEqual(["CREATE TABLE a (id int)", "INSERT INTO a VALUES (1)"]);
  });

  it("gives nothing for a function of that shape whose statement might not end where it seems to", async () => {
    const up = async (db: MigrationContext): Promise<void> => {
      await db.execute("SELECT 'a");
      await db.execute("b'");
    };
    expect(await plainStatements(up)).toBeUndefined();
  });
});

describe("a statement that ends outside any string, name, comment or dollar quote", () => {
  it.each(read<StatementCase>("closed-statements.json").map((c) => [c.case, c] as const))("%s", (_, c) => {
    expect(endsAtTopLevel(c.sql)).toBe(c.closed);
  });
});
