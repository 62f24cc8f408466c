import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Queryable } from "../../../src/driver/driver.js";
import { quoteIdent } from "../../../src/ir/quote.js";
import { CASTS_SINCE_18, KNOWN_TYPES, listedCasts } from "../../../src/sql/builtin-casts.js";
import { plan } from "../../../src/sql/plan.js";
import { BACKENDS, backendTitle, type TestDatabase } from "../../support/backends.js";
import { column } from "../../unit/diff/build-schema.js";
import { columnType, TYPE_CHANGE_CASES, type TypeChangeCase } from "../../unit/sql/type-change-cases.js";

/**
 * fixtures/plan/type-changes.json against a real server: the planner's statement runs (or, for
 * noCast, fails); PostgreSQL needs USING exactly for cast and noCast; a change said to touch no row
 * keeps the table's file; an example value survives (safe), fails (risky, cast) or silently changes
 * (destructive).
 */

const SETUP = "CREATE EXTENSION citext; CREATE TYPE mood AS ENUM ('a', 'b'); CREATE TYPE mood2 AS ENUM ('a', 'c');";

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`type changes on ${backendTitle(backend)}`, () => {
    let db: TestDatabase;
    let next = 0;
    beforeAll(async () => {
      db = await backend.create();
      await db.driver.execute(SETUP);
    });
    afterAll(async () => db?.dispose());

    it("lists the catalog's casts between the known types exactly", async () => {
      const rows = await db.driver.query<{ source: string; target: string; context: string; method: string }>(
        `select s.typname::text as source, d.typname::text as target, c.castcontext::text as context, c.castmethod::text as method
           from pg_cast c join pg_type s on s.oid = c.castsource join pg_type d on d.oid = c.casttarget
          where s.typname = any($1) and d.typname = any($1) and s.oid <> d.oid`,
        [[...KNOWN_TYPES]],
      );
      const [version] = await db.driver.query<{ number: number }>("select current_setting('server_version_num')::int as number");
      const spell = (source: string, target: string, context: string, method: string) => `${source} ${target}:${context[0]}${method}`;
      const listed = listedCasts().map(({ source, target, cast }) => spell(source, target, cast.context, cast.binary ? "b" : "f"));
      const expected = [...listed.map(withoutIo), ...((version?.number ?? 0) >= 180000 ? CASTS_SINCE_18 : [])];
      const catalog = rows.map((row) => spell(row.source, row.target, row.context, row.method));
      expect(catalog.map(withoutIo).sort()).toEqual(expected.map(withoutIo).sort());
    });

    it.each(TYPE_CHANGE_CASES)("$from -> $to behaves as $class", async (testCase) => {
      const table = async () => {
        const name = `t_${(next += 1)}`;
        await db.driver.execute(`CREATE TABLE ${quoteIdent(name)} (c ${testCase.from})`);
        return name;
      };
      await checkPlannedStatement(db.driver, testCase, await table());
      if (testCase.class !== "noCast") await checkWithoutUsing(db.driver, testCase, await table());
      if (testCase.example !== undefined) await checkExample(db.driver, testCase, await table());
    });
  });
}

/** The table keeps whether a cast is binary, not whether it goes through a function or I/O. */
function withoutIo(spelled: string): string {
  return spelled.replace(/i$/, "f");
}

function plannedSql(table: string, testCase: TypeChangeCase): string {
  const from = column("c", testCase.from, { type: columnType(testCase.from) });
  const to = column("c", testCase.to, { type: columnType(testCase.to) });
  const statements = plan([{ kind: "alterColumn", table: { schema: "public", name: table }, from, to }]).up;
  expect(statements).toHaveLength(1);
  return statements[0]?.sql ?? "";
}

async function outcome(driver: Queryable, sql: string): Promise<"ok" | string> {
  try {
    await driver.execute(sql);
    return "ok";
  } catch (error) {
    return (error as Error).message;
  }
}

async function relfilenode(driver: Queryable, table: string): Promise<string> {
  const [row] = await driver.query<{ node: string }>(`select relfilenode::text as node from pg_class where oid = $1::regclass`, [table]);
  return row?.node ?? "";
}

/** The planner's statement runs on an empty table, except where no cast exists; a catalog-only change keeps the file. */
async function checkPlannedStatement(driver: Queryable, testCase: TypeChangeCase, table: string): Promise<void> {
  const before = await relfilenode(driver, table);
  const result = await outcome(driver, plannedSql(table, testCase));
  if (testCase.class === "noCast") expect(result).toMatch(/cannot (be )?cast/);
  else expect(result).toBe("ok");
  if (testCase.rewrite === false) expect(await relfilenode(driver, table)).toBe(before);
}

/** Without USING, PostgreSQL converts safe and risky changes by itself and refuses casts. */
async function checkWithoutUsing(driver: Queryable, testCase: TypeChangeCase, table: string): Promise<void> {
  const result = await outcome(driver, `ALTER TABLE ${quoteIdent(table)} ALTER COLUMN c TYPE ${testCase.to}`);
  if (testCase.class === "cast") expect(result).toMatch(/cannot be cast automatically/);
  else expect(result).toBe("ok");
}

/** A safe change keeps the example as it was, a destructive one changes it, any other fails on it. */
async function checkExample(driver: Queryable, testCase: TypeChangeCase, table: string): Promise<void> {
  await driver.execute(`INSERT INTO ${quoteIdent(table)} VALUES (${testCase.example})`);
  const result = await outcome(driver, plannedSql(table, testCase));
  if (testCase.class !== "safe" && !testCase.destructive) {
    expect(result).not.toBe("ok");
    return;
  }
  expect(result).toBe("ok");
  const [row] = await driver.query<{ now: string; was: string }>(
    `select c::${testCase.from}::text as now, (${testCase.example})::${testCase.from}::text as was from ${quoteIdent(table)}`,
  );
  if (testCase.destructive) expect(row?.now).not.toBe(row?.was);
  else expect(row?.now).toBe(row?.was);
}
