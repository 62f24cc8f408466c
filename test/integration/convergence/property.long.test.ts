import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffSchemas } from "../../../src/diff/diff-schemas.js";
import { EMPTY_SCHEMA, type Schema } from "../../../src/ir/schema.js";
import { orderedStatements } from "../../../src/sql/plan.js";
import { BACKENDS, backendTitle } from "../../support/backends.js";
import { converge } from "../../support/convergence.js";
import { schemaArbitrary } from "../../support/schema-arbitrary.js";

/** A fresh database: nothing but the public schema. */
const FRESH: Schema = { ...EMPTY_SCHEMA, namespaces: { public: { name: "public", comment: "standard public schema" } } };

/** The SQL that builds a schema in a fresh database, which then reads it back as it really is. */
const buildSql = (schema: Schema): string => orderedStatements(diffSchemas(FRESH, schema)).map((s) => `${s.sql};`).join("\n");

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`random schema pairs converge on ${backendTitle(backend)}`, () => {
    // PGlite builds three databases per pair in about two seconds; the server, in a tenth of that.
    it("up reaches the target and down returns, for any pair", async () => {
      await fc.assert(
        fc.asyncProperty(schemaArbitrary, schemaArbitrary, async (before, after) => {
          const result = await converge(backend, { before: buildSql(before), after: buildSql(after), schemas: ["public"] });
          expect(result.leftAfterUp).toEqual([]);
          expect(result.leftAfterDown).toEqual([]);
        }),
        { numRuns: backend.name === "pglite" ? 8 : 30, endOnFailure: true },
      );
    });
  });
}
