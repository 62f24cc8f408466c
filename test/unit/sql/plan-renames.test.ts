import { describe, expect, it } from "vitest";
import { diffSchemas } from "../../../src/diff/diff-schemas.js";
import type { View } from "../../../src/ir/objects.js";
import { plan } from "../../../src/sql/plan.js";
import { column, enumType, index, schema, table } from "../diff/build-schema.js";

const view = (definition: string): View => ({ schema: "public", name: "names", materialized: false, definition, indexes: {}, comment: null });

describe("planning renames", () => {
  it("renders each kind, quoting names where they must be", () => {
    const from = table("User", [column("full name")], { primaryKey: { name: "User pk", columns: ["full name"] }, indexes: { "by name": index("by name", ["full name"]) } });
    const to = table("Member", [column("display")], { primaryKey: { name: "Member pk", columns: ["display"] }, indexes: { "by display": index("by display", ["display"]) } });
    const status = enumType("status", ["a"]);
    const { up } = plan([
      { kind: "renameEnum", from: status, to: { ...status, name: "state" }, inferred: false },
      { kind: "renameTable", from, to, inferred: false },
      { kind: "renameColumn", table: to, from: column("full name"), to: column("display"), inferred: true },
      { kind: "renameConstraint", table: to, from: { type: "primaryKey", def: { name: "User pk", columns: ["display"] } }, to: { type: "primaryKey", def: { name: "Member pk", columns: ["display"] } }, inferred: false },
      { kind: "renameIndex", table: to, from: index("by name", ["display"]), to: index("by display", ["display"]), inferred: true },
    ]);
    expect(up.map((statement) => statement.sql)).toEqual([
      "ALTER TYPE public.status RENAME TO state",
      'ALTER TABLE public."User" RENAME TO "Member"',
      'ALTER TABLE public."Member" RENAME COLUMN "full name" TO display',
      'ALTER TABLE public."Member" RENAME CONSTRAINT "User pk" TO "Member pk"',
      'ALTER INDEX public."by name" RENAME TO "by display"',
    ]);
    expect(up.every((statement) => statement.hazards.length === 0)).toBe(true);
  });

  it("renames before what uses the new names going up, and after it going down; views are rebuilt around both", () => {
    const before = schema({ tables: [table("users", [column("id", "integer"), column("fullname")])] });
    const after = schema({ tables: [table("people", [column("id", "integer"), column("display_name", "character varying(100)")])] });
    const changes = diffSchemas(
      { ...before, views: { "public.names": view(" SELECT users.fullname\n   FROM public.users;") } },
      { ...after, views: { "public.names": view(" SELECT people.display_name\n   FROM public.people;") } },
      { renames: [{ from: "users", to: "people" }, { from: "users.fullname", to: "people.display_name" }] },
    );
    const { up, down } = plan(changes);
    expect(up.map((statement) => statement.sql)).toEqual([
      "DROP VIEW public.names",
      "ALTER TABLE public.users RENAME TO people",
      "ALTER TABLE public.people RENAME COLUMN fullname TO display_name",
      "ALTER TABLE public.people ALTER COLUMN display_name TYPE character varying(100)",
      "CREATE VIEW public.names AS SELECT people.display_name\n   FROM public.people",
    ]);
    expect(down.map((statement) => statement.sql)).toEqual([
      "DROP VIEW public.names",
      "ALTER TABLE public.people ALTER COLUMN display_name TYPE text",
      "ALTER TABLE public.people RENAME COLUMN display_name TO fullname",
      "ALTER TABLE public.people RENAME TO users",
      "CREATE VIEW public.names AS SELECT users.fullname\n   FROM public.users",
    ]);
  });
});
