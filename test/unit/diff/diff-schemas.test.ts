import { describe, expect, it } from "vitest";
import { diffSchemas } from "../../../src/diff/diff-schemas.js";
import { invertChange, invertChanges } from "../../../src/diff/invert-change.js";
import { EMPTY_SCHEMA, type Schema } from "../../../src/ir/schema.js";
import { fixtureCases, readJson } from "../../support/fixture-cases.js";

/** Real IRs, read from PostgreSQL by the introspection fixtures. */
const schemas = fixtureCases("introspect").map((fixture) => ({
  name: fixture.name,
  schema: readJson<Schema>(fixture.dir, "expected.json"),
}));

describe("diffSchemas", () => {
  it.each(schemas)("finds nothing between $name and itself", ({ schema }) => {
    expect(diffSchemas(schema, structuredClone(schema))).toEqual([]);
  });

  it.each(schemas)("builds $name from nothing with create changes only", ({ schema }) => {
    const kinds = new Set(diffSchemas(EMPTY_SCHEMA, schema).map((change) => change.kind));
    for (const kind of kinds) expect(kind).toMatch(/^create/);
    expect(kinds.has("createTable") || kinds.has("createEnum")).toBe(true);
  });

  it.each(schemas)("drops $name with the inverse of building it", ({ schema }) => {
    const build = diffSchemas(EMPTY_SCHEMA, schema);
    const drop = diffSchemas(schema, EMPTY_SCHEMA);
    expect(new Set(drop.map((c) => JSON.stringify(c)))).toEqual(new Set(build.map((c) => JSON.stringify(invertChange(c)))));
  });

  it("ignores key order inside objects", () => {
    const [first] = schemas;
    if (first === undefined) throw new Error("no introspection fixtures");
    const reordered = JSON.parse(JSON.stringify(first.schema, Object.keys(first.schema).reverse())) as Schema;
    const shuffled = { ...reordered, ...first.schema };
    expect(diffSchemas(first.schema, shuffled)).toEqual([]);
  });
});

describe("invertChanges", () => {
  it.each(schemas)("is its own inverse on $name's changes", ({ schema }) => {
    const changes = diffSchemas(EMPTY_SCHEMA, schema);
    expect(invertChanges(invertChanges(changes))).toEqual(changes);
  });
});
