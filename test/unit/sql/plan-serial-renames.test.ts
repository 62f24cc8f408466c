import { describe, expect, it } from "vitest";
import type { Change } from "../../../src/diff/change.js";
import { diffSchemas } from "../../../src/diff/diff-schemas.js";
import type { RenameHint } from "../../../src/diff/rename-hints.js";
import type { Column } from "../../../src/ir/column.js";
import type { Table } from "../../../src/ir/table.js";
import { plan } from "../../../src/sql/plan.js";
import { column, schema, table } from "../diff/build-schema.js";

const serial = (name: string, type = "integer"): Column => column(name, type, { notNull: true, default: { kind: "serial" } });
const sqlOf = (from: readonly Table[], to: readonly Table[], renames: readonly RenameHint[]) => {
  const changes = diffSchemas(schema({ tables: from }), schema({ tables: to }), { renames });
  const { up, down } = plan(changes);
  return { changes, up: up.map((statement) => statement.sql), down: down.map((statement) => statement.sql) };
};

describe("a rename takes its serial sequences along", () => {
  it("renames every serial column's sequence with its table, and back going down", () => {
    const columns = [serial("id"), serial("ticket", "bigint"), column("note")];
    const { up, down } = sqlOf([table("users", columns)], [table("people", columns)], [{ from: "users", to: "people" }]);
    expect(up).toEqual([
      "ALTER TABLE public.users RENAME TO people",
      "ALTER SEQUENCE public.users_id_seq RENAME TO people_id_seq",
      "ALTER SEQUENCE public.users_ticket_seq RENAME TO people_ticket_seq",
    ]);
    expect(down).toEqual([
      "ALTER TABLE public.people RENAME TO users",
      "ALTER SEQUENCE public.people_id_seq RENAME TO users_id_seq",
      "ALTER SEQUENCE public.people_ticket_seq RENAME TO users_ticket_seq",
    ]);
  });

  it("renames a serial column's sequence with the column, and leaves a plain column's alone", () => {
    const { up, down } = sqlOf(
      [table("users", [serial("id"), column("fullname")])],
      [table("users", [serial("user_id"), column("full_name")])],
      [{ from: "users.id", to: "users.user_id" }, { from: "users.fullname", to: "users.full_name" }],
    );
    expect(up).toEqual([
      "ALTER TABLE public.users RENAME COLUMN id TO user_id",
      "ALTER SEQUENCE public.users_id_seq RENAME TO users_user_id_seq",
      "ALTER TABLE public.users RENAME COLUMN fullname TO full_name",
    ]);
    expect(down).toEqual([
      "ALTER TABLE public.users RENAME COLUMN full_name TO fullname",
      "ALTER TABLE public.users RENAME COLUMN user_id TO id",
      "ALTER SEQUENCE public.users_user_id_seq RENAME TO users_id_seq",
    ]);
  });

  it("follows a table and its column renamed together, each step by the names of the moment", () => {
    const { up, down } = sqlOf([table("users", [serial("id")])], [table("people", [serial("pk")])], [
      { from: "users", to: "people" },
      { from: "users.id", to: "people.pk" },
    ]);
    expect(up).toEqual([
      "ALTER TABLE public.users RENAME TO people",
      "ALTER SEQUENCE public.users_id_seq RENAME TO people_id_seq",
      "ALTER TABLE public.people RENAME COLUMN id TO pk",
      "ALTER SEQUENCE public.people_id_seq RENAME TO people_pk_seq",
    ]);
    expect(down).toEqual([
      "ALTER TABLE public.people RENAME COLUMN pk TO id",
      "ALTER SEQUENCE public.people_pk_seq RENAME TO people_id_seq",
      "ALTER TABLE public.people RENAME TO users",
      "ALTER SEQUENCE public.people_id_seq RENAME TO users_id_seq",
    ]);
  });

  it("renames before a serial becomes plain, so its sequence is dropped by the name it then has", () => {
    const { up, down } = sqlOf([table("users", [serial("id")])], [table("people", [column("id", "integer", { notNull: true })])], [
      { from: "users", to: "people" },
    ]);
    expect(up).toEqual([
      "ALTER TABLE public.users RENAME TO people",
      "ALTER SEQUENCE public.users_id_seq RENAME TO people_id_seq",
      "ALTER TABLE public.people ALTER COLUMN id DROP DEFAULT",
      "DROP SEQUENCE public.people_id_seq",
    ]);
    // Down makes the column serial again (PostgreSQL's name: people_id_seq), then both go back.
    expect(down).toEqual([
      "CREATE SEQUENCE public.people_id_seq AS integer OWNED BY public.people.id",
      "ALTER TABLE public.people ALTER COLUMN id SET DEFAULT nextval('public.people_id_seq'::regclass)",
      "ALTER TABLE public.people RENAME TO users",
      "ALTER SEQUENCE public.people_id_seq RENAME TO users_id_seq",
    ]);
  });

  it("renames before a renamed serial column becomes bigint, and back after it is serial again", () => {
    const { up, down } = sqlOf([table("users", [serial("id")])], [table("users", [column("user_id", "bigint", { notNull: true })])], [
      { from: "users.id", to: "users.user_id" },
    ]);
    expect(up).toEqual([
      "ALTER TABLE public.users RENAME COLUMN id TO user_id",
      "ALTER SEQUENCE public.users_id_seq RENAME TO users_user_id_seq",
      "ALTER TABLE public.users ALTER COLUMN user_id DROP DEFAULT",
      "DROP SEQUENCE public.users_user_id_seq",
      "ALTER TABLE public.users ALTER COLUMN user_id TYPE bigint",
    ]);
    expect(down).toEqual([
      "ALTER TABLE public.users ALTER COLUMN user_id TYPE integer",
      "CREATE SEQUENCE public.users_user_id_seq AS integer OWNED BY public.users.user_id",
      "ALTER TABLE public.users ALTER COLUMN user_id SET DEFAULT nextval('public.users_user_id_seq'::regclass)",
      "ALTER TABLE public.users RENAME COLUMN user_id TO id",
      "ALTER SEQUENCE public.users_user_id_seq RENAME TO users_id_seq",
    ]);
  });

  it("renames no sequence for a column that becomes serial only after the rename", () => {
    const { up, down } = sqlOf([table("users", [column("id", "integer", { notNull: true })])], [table("people", [serial("id")])], [
      { from: "users", to: "people" },
    ]);
    expect(up).toEqual([
      "ALTER TABLE public.users RENAME TO people",
      "CREATE SEQUENCE public.people_id_seq AS integer OWNED BY public.people.id",
      "ALTER TABLE public.people ALTER COLUMN id SET DEFAULT nextval('public.people_id_seq'::regclass)",
    ]);
    expect(down).toEqual([
      "ALTER TABLE public.people ALTER COLUMN id DROP DEFAULT",
      "DROP SEQUENCE public.people_id_seq",
      "ALTER TABLE public.people RENAME TO users",
    ]);
  });

  it("renames the sequence of a serial column the table loses, before the column goes, and back after it returns", () => {
    const { up, down } = sqlOf([table("users", [serial("id"), serial("legacy")])], [table("people", [serial("id")])], [
      { from: "users", to: "people" },
    ]);
    expect(up).toEqual([
      "ALTER TABLE public.users RENAME TO people",
      "ALTER SEQUENCE public.users_id_seq RENAME TO people_id_seq",
      "ALTER SEQUENCE public.users_legacy_seq RENAME TO people_legacy_seq",
      "ALTER TABLE public.people DROP COLUMN legacy",
    ]);
    expect(down).toEqual([
      "ALTER TABLE public.people ADD COLUMN legacy serial NOT NULL",
      "ALTER TABLE public.people RENAME TO users",
      "ALTER SEQUENCE public.people_id_seq RENAME TO users_id_seq",
      "ALTER SEQUENCE public.people_legacy_seq RENAME TO users_legacy_seq",
    ]);
  });

  it("quotes names, keeps the schema, and cuts long names as PostgreSQL does", () => {
    const from = { ...table("User", [serial("ID")]), schema: "App" };
    const to = { ...table("Member", [serial("ID")]), schema: "App" };
    const changes: Change[] = [{ kind: "renameTable", from, to, inferred: false }];
    expect(plan(changes).up.map((statement) => statement.sql)).toEqual([
      'ALTER TABLE "App"."User" RENAME TO "Member"',
      'ALTER SEQUENCE "App"."User_ID_seq" RENAME TO "Member_ID_seq"',
    ]);
    // 59 characters each: cut to 56 before `_id_seq`, the first two (which differ) kept.
    const long = "t23456789_123456789_123456789_123456789_123456789_1234567";
    const cut: Change = { kind: "renameTable", from: table(`a_${long}`, [serial("id")]), to: table(`b_${long}`, [serial("id")]), inferred: false };
    expect(plan([cut]).up.map((statement) => statement.sql)).toEqual([
      `ALTER TABLE public.a_${long} RENAME TO b_${long}`,
      `ALTER SEQUENCE public.a_${long.slice(0, 54)}_id_seq RENAME TO b_${long.slice(0, 54)}_id_seq`,
    ]);
  });

  it("renames nothing when the cut names are one (PostgreSQL would refuse it)", () => {
    // 58 and 60 characters, both cut to their first 56 (`…_ent`) before `_id_seq`.
    const long = "t23456789_123456789_123456789_123456789_123456789_12";
    const changes: Change[] = [{ kind: "renameTable", from: table(`${long}_entry`, [serial("id")]), to: table(`${long}_entries`, [serial("id")]), inferred: true }];
    expect(plan(changes).up.map((statement) => statement.sql)).toEqual([`ALTER TABLE public.${long}_entry RENAME TO ${long}_entries`]);
  });
});
