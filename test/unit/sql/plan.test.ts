import { describe, expect, it } from "vitest";
import type { Change } from "../../../src/diff/change.js";
import { diffSchemas } from "../../../src/diff/diff-schemas.js";
import type { EnumType } from "../../../src/ir/objects.js";
import { EMPTY_SCHEMA, type Schema } from "../../../src/ir/schema.js";
import { plan } from "../../../src/sql/plan.js";
import { serialSequenceName } from "../../../src/sql/render-column.js";
import { FIXTURES, fixtureCases, readJson } from "../../support/fixture-cases.js";

const schemaOf = (name: string): Schema => {
  const fixture = fixtureCases("introspect").find((candidate) => candidate.name === name);
  if (fixture === undefined) throw new Error(`no introspect fixture ${name}`);
  return readJson<Schema>(fixture.dir, "expected.json");
};

const enumType = (values: string[]): EnumType => ({ schema: "public", name: "status", values, comment: null });
const alterEnum = (from: string[], to: string[]): Change => ({
  kind: "alterEnum",
  from: enumType(from),
  to: enumType(to),
  fromUsages: [],
  toUsages: [],
});

describe("plan", () => {
  it("adds enum values in place, each next to its neighbour, outside a transaction", () => {
    const { up } = plan([alterEnum(["draft", "published"], ["new", "draft", "review", "published", "archived"])]);
    expect(up.map((statement) => statement.sql)).toEqual([
      "ALTER TYPE public.status ADD VALUE 'new' BEFORE 'draft'",
      "ALTER TYPE public.status ADD VALUE 'review' AFTER 'draft'",
      "ALTER TYPE public.status ADD VALUE 'archived' AFTER 'published'",
    ]);
    expect(up.every((statement) => statement.hazards.includes("nonTransactional"))).toBe(true);
  });

  it("recreates an enum when a value goes; its down adds the value back in place", () => {
    const { up, down } = plan([alterEnum(["a", "b", "c"], ["a", "c"])]);
    expect(up.map((statement) => statement.sql)).toEqual([
      "ALTER TYPE public.status RENAME TO status__tidemark_old",
      "CREATE TYPE public.status AS ENUM ('a', 'c')",
      "DROP TYPE public.status__tidemark_old",
    ]);
    expect(down.map((statement) => statement.sql)).toEqual(["ALTER TYPE public.status ADD VALUE 'b' AFTER 'a'"]);
    expect(up[1]?.hazards).toEqual([]);
  });

  it("creates schemas and types before tables, and foreign keys after every table", () => {
    const { up } = plan(diffSchemas(EMPTY_SCHEMA, schemaOf("objects")));
    const first = (prefix: string) => up.findIndex((statement) => statement.sql.startsWith(prefix));
    expect(first("CREATE SCHEMA billing")).toBeLessThan(first("CREATE TYPE"));
    expect(first("CREATE EXTENSION citext")).toBeLessThan(first("CREATE TABLE"));
    expect(first("CREATE SEQUENCE")).toBeLessThan(first("CREATE TABLE"));
    expect(first("CREATE TABLE")).toBeLessThan(first("CREATE VIEW"));
  });

  it("drops foreign keys before the tables they join, and marks drops destructive", () => {
    const { up } = plan(diffSchemas(schemaOf("constraints"), EMPTY_SCHEMA));
    const lastForeignKeyDrop = up.findLastIndex((statement) => /DROP CONSTRAINT .*_fk/.test(statement.sql));
    const firstTableDrop = up.findIndex((statement) => statement.sql.startsWith("DROP TABLE"));
    expect(lastForeignKeyDrop).toBeGreaterThanOrEqual(0);
    expect(lastForeignKeyDrop).toBeLessThan(firstTableDrop);
    for (const statement of up.filter((s) => s.sql.startsWith("DROP TABLE"))) expect(statement.hazards).toContain("destructive");
  });

  it("renders every identifier quoted as needed", () => {
    const { up } = plan(diffSchemas(EMPTY_SCHEMA, schemaOf("quoting")));
    const sql = up.map((statement) => statement.sql).join("\n");
    expect(sql).toContain('CREATE TABLE "My App"."User" (\n  "ID" integer NOT NULL');
    expect(sql).toContain('"say ""hi""" text');
    expect(sql).toContain(`CONSTRAINT "Check ""Order""" CHECK (("order" > 0))`);
    expect(sql).toContain(`CREATE TYPE "My App"."Order Status" AS ENUM ('New', 'it''s "done"')`);
  });
});

describe("serialSequenceName", () => {
  const cases = readJson<{ cases: [string, string, string][] }>(`${FIXTURES}/plan`, "serial-sequence-names.json").cases;
  it.each(cases)("%s.%s -> %s", (table, column, expected) => {
    expect(serialSequenceName(table, column)).toBe(expected);
  });
});
