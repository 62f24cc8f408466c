import { describe, expect, it } from "vitest";
import { introspect } from "../../../src/introspect/introspect.js";
import { quoteIdent } from "../../../src/ir/quote.js";
import { BACKENDS, backendTitle, withDatabaseOf } from "../../support/backends.js";

/** Names that mean something to a JavaScript replacement string or to SQL quoting. */
const NAMES = ["app$$v2", "a$'b", "tenant$1", "it's"];

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`introspection of oddly named schemas on ${backendTitle(backend)}`, () => {
    it("reads each schema of the filter by its exact name (the list is written into one batch of queries)", async () => {
      const tables = await withDatabaseOf(backend, async ({ driver }) => {
        await driver.execute(NAMES.map((name) => `CREATE SCHEMA ${quoteIdent(name)}; CREATE TABLE ${quoteIdent(name)}.t (id int)`).join(";\n"));
        const schema = await introspect(driver, { schemas: NAMES, exclude: [] });
        return Object.values(schema.tables).map((table) => table.schema).sort();
      });
      expect(tables).toEqual([...NAMES].sort());
    });
  });
}
