import { describe, expect, it } from "vitest";
import { quoteIdent } from "../../../src/ir/quote.js";
import { BACKENDS, backendTitle, withDatabaseOf } from "../../support/backends.js";
import { FIXTURES, readJson } from "../../support/fixture-cases.js";

const spellings = readJson<{ cases: [string, string][] }>(`${FIXTURES}/model`, "type-spellings.json").cases;

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`type-spellings.json on ${backendTitle(backend)}`, () => {
    it("holds what the server's format_type prints", async () => {
      await withDatabaseOf(backend, async ({ driver }) => {
        const columns = spellings.map(([spelling], i) => `${quoteIdent(`c${i}`)} ${spelling}`);
        await driver.execute(`CREATE TABLE t (${columns.join(", ")})`);
        const rows = await driver.query<{ type: string }>(
          "select format_type(atttypid, atttypmod) as type from pg_attribute where attrelid = 't'::regclass and attnum > 0 order by attnum",
        );
        expect(rows.map((row) => row.type)).toEqual(spellings.map(([, canonical]) => canonical));
      });
    });
  });
}
