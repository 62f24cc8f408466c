import { describe, expect, it } from "vitest";
import type { TxMode } from "../../../src/runner/execute-steps.js";
import type { MigrationLoader } from "../../../src/runner/load-migration.js";
import type { MigrationMeta } from "../../../src/runner/migration-meta.js";
import { renderOfflineSql } from "../../../src/runner/offline-sql.js";
import type { Step } from "../../../src/runner/plan-steps.js";
import { createTablesSql, type VersionTables } from "../../../src/runner/version-store.js";

const TABLES: VersionTables = {
  version: { schema: "public", name: "tidemark_version" },
  history: { schema: "public", name: "tidemark_history" },
};

/** Five upgrades in a line; the third must run outside a transaction. */
const STEPS: readonly Step[] = ["r1", "r2", "r3", "r4", "r5"].map((revision, i, all) => ({
  meta: meta(revision, i === 0 ? [] : [all[i - 1] ?? ""], revision !== "r3"),
  direction: "up",
  rowsBefore: i === 0 ? [] : [all[i - 1] ?? ""],
  rowsAfter: [revision],
}));

function meta(revision: string, revises: readonly string[], transactional: boolean): MigrationMeta {
  return {
    revision, revises, branchLabels: [], dependsOn: [], transactional, message: `make ${revision}`, file: `${revision}.ts`, checksum: "0",
  };
}

const load: MigrationLoader = async (m) => ({
  meta: m,
  up: (db) => db.execute(`CREATE TABLE ${m.revision} (id integer)`),
  down: (db) => db.execute(`DROP TABLE ${m.revision}`),
});

/** The script reduced to its transactions: BEGIN, COMMIT, each migration's table, and `rows` for its bookkeeping. */
function skeleton(sql: string): string {
  return sql
    .split("\n")
    .flatMap((line) => {
      if (line === "BEGIN;" || line === "COMMIT;") return [line.slice(0, -1)];
      const table = /^CREATE TABLE (r\d)/.exec(line);
      if (table !== null) return [table[1] ?? ""];
      return line.startsWith("INSERT INTO public.tidemark_history") ? ["rows"] : [];
    })
    .join(" ");
}

describe("renderOfflineSql", () => {
  it.each<[TxMode, string]>([
    ["each", "BEGIN r1 rows COMMIT BEGIN r2 rows COMMIT r3 BEGIN rows COMMIT BEGIN r4 rows COMMIT BEGIN r5 rows COMMIT"],
    ["all", "BEGIN r1 rows r2 rows COMMIT r3 BEGIN rows COMMIT BEGIN r4 rows r5 rows COMMIT"],
    ["none", "r1 BEGIN rows COMMIT r2 BEGIN rows COMMIT r3 BEGIN rows COMMIT r4 BEGIN rows COMMIT r5 BEGIN rows COMMIT"],
  ])("--tx-mode %s opens the transactions an online run opens", async (mode, expected) => {
    expect(skeleton(await renderOfflineSql(STEPS, load, TABLES, mode))).toBe(expected);
  });

  it("keeps a migration's version rows with it, after its statements", async () => {
    const sql = await renderOfflineSql(STEPS.slice(0, 2), load, TABLES, "all");
    expect(sql).toContain(
      [
        "BEGIN;",
        "-- Running upgrade <base> -> r1: make r1",
        "CREATE TABLE r1 (id integer);",
        "INSERT INTO public.tidemark_version (revision) VALUES ('r1');",
        "INSERT INTO public.tidemark_history (revision, direction, checksum, message, duration_ms) VALUES ('r1', 'up', '0', 'make r1', NULL);",
        "-- Running upgrade r1 -> r2: make r2",
        "CREATE TABLE r2 (id integer);",
        "UPDATE public.tidemark_version SET revision = 'r2' WHERE revision = 'r1';",
      ].join("\n"),
    );
  });

  it("starts with how to run it: psql with ON_ERROR_STOP", async () => {
    const sql = await renderOfflineSql(STEPS, load, TABLES, "each");
    expect(sql.split("\n")[0]).toMatch(/^-- .*psql -v ON_ERROR_STOP=1/);
  });

  it("creates the version tables' schema once", async () => {
    const sql = await renderOfflineSql([], load, TABLES, "each");
    expect(sql.match(/CREATE SCHEMA IF NOT EXISTS public;/g)).toHaveLength(1);
  });
});

describe("createTablesSql", () => {
  it("creates each schema once, then both tables", () => {
    expect(createTablesSql(TABLES).filter((sql) => sql.startsWith("CREATE SCHEMA"))).toEqual(["CREATE SCHEMA IF NOT EXISTS public"]);
    const apart = createTablesSql({ version: { schema: "ops", name: "v" }, history: { schema: "Audit", name: "h" } });
    expect(apart.slice(0, 3)).toEqual([
      "CREATE SCHEMA IF NOT EXISTS ops",
      'CREATE SCHEMA IF NOT EXISTS "Audit"',
      "CREATE TABLE IF NOT EXISTS ops.v (revision varchar(64) NOT NULL PRIMARY KEY)",
    ]);
    expect(apart[3]).toMatch(/^CREATE TABLE IF NOT EXISTS "Audit"\.h \(/);
  });
});
