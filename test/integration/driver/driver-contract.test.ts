import { describe, expect, it } from "vitest";
import { quoteIdent } from "../../../src/ir/quote.js";
import { BACKENDS, backendTitle, withDatabaseOf } from "../../support/backends.js";
import { FIXTURES, readJson } from "../../support/fixture-cases.js";

const quoting = readJson<{ cases: [string, string][]; keywordsSincePg16: { names: string[] } }>(
  `${FIXTURES}/quote`,
  "identifiers.json",
);

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`driver on ${backendTitle(backend)}`, () => {
    it("passes parameters and returns the same JS values on both backends", async () => {
      await withDatabaseOf(backend, async ({ driver }) => {
        const rows = await driver.query<{ n: number; t: string; list: string[]; ok: boolean; j: unknown }>(
          "select $1::int + 1 as n, $2::text as t, array['a', $2]::text[] as list, true as ok, json_build_object('k', 1) as j",
          [41, "it's"],
        );
        expect(rows).toEqual([{ n: 42, t: "it's", list: ["a", "it's"], ok: true, j: { k: 1 } }]);
      });
    });

    it("sends a batch as one script and returns each statement's rows in order, as query would", async () => {
      await withDatabaseOf(backend, async ({ driver }) => {
        const sql = "select 41 + 1 as n, array['a', 'b']::text[] as list, true as ok";
        const single = await driver.query(sql);
        expect(await driver.queryBatch([sql, "select 'x' as t where false;", "select g::int as g from generate_series(1, 2) g"]))
          .toEqual([single, [], [{ g: 1 }, { g: 2 }]]);
        expect(await driver.queryBatch([sql])).toEqual([single]);
        expect(await driver.transaction((tx) => tx.queryBatch(["select 1 as one", "select 2 as two"]))).toEqual([[{ one: 1 }], [{ two: 2 }]]);
        await expect(driver.queryBatch(["select 1", "select 1/0"])).rejects.toThrow(/division by zero/);
      });
    });

    it("commits a transaction that resolves and rolls back one that throws", async () => {
      await withDatabaseOf(backend, async ({ driver }) => {
        await driver.execute("CREATE TABLE kept (id int); CREATE TABLE t (id int)");
        await driver.transaction((tx) => tx.execute("INSERT INTO t VALUES (1)"));
        const failing = driver.transaction(async (tx) => {
          await tx.execute("INSERT INTO t VALUES (2); DROP TABLE kept");
          await tx.query("select 1/0");
        });
        await expect(failing).rejects.toThrow(/division by zero/);
        const rows = await driver.query<{ id: number }>("select id from t order by id");
        expect(rows).toEqual([{ id: 1 }]);
        expect(await driver.query("select 1 from kept")).toEqual([]);
      });
    });

    it("quotes identifiers as PostgreSQL's quote_ident does (18's keywords on every server)", async () => {
      await withDatabaseOf(backend, async ({ driver }) => {
        const [version] = await driver.query<{ v: number }>("select current_setting('server_version_num')::int as v");
        const newer = new Set(quoting.keywordsSincePg16.names);
        for (const [name] of quoting.cases) {
          const [row] = await driver.query<{ q: string }>("select quote_ident($1) as q", [name]);
          const expected = (version?.v ?? 0) < 160000 && newer.has(name) ? `"${name}"` : row?.q;
          expect(quoteIdent(name), name).toBe(expected);
        }
      });
    });
  });
}
