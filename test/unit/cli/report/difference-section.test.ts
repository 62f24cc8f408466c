import { describe, expect, it } from "vitest";
import { changeReview, warningsFor } from "../../../../src/codegen/change-warnings.js";
import type { MigrationInput } from "../../../../src/codegen/render-migration.js";
import { summarizeChanges } from "../../../../src/codegen/summarize-changes.js";
import { differenceSection, sqlStatements } from "../../../../src/cli/report/difference-section.js";
import type { Plan } from "../../../../src/sql/statement.js";
import { codegenCases } from "../../codegen/codegen-cases.js";

const byName = new Map(codegenCases().map((testCase) => [testCase.name, testCase.input]));
function input(name: string): MigrationInput & { readonly plan: Plan } {
  const found = byName.get(name);
  if (found?.plan === null || found === undefined) throw new Error(`no codegen case ${name} with a plan`);
  return { ...found, plan: found.plan };
}

describe("differenceSection", () => {
  it("is ok, with nothing listed, when nothing differs", () => {
    const section = differenceSection("models against the migrations", { changes: [], plan: { up: [], down: [] }, notes: [] });
    expect(section).toEqual({ title: "models against the migrations", status: "ok", detail: null, items: [], sql: [], unsupported: [] });
  });

  it("lists each change by its summary, with the up statements as SQL, each ending in one ;", () => {
    const { changes, plan, notes = [] } = input("add-table");
    const section = differenceSection("t", { changes, plan, notes });
    expect(section.status).toBe("changes");
    expect(section.items.map((item) => item.text)).toEqual(summarizeChanges(changes));
    expect(section.items.every((item) => item.warnings.length === 0 && !item.destructive && item.location === null)).toBe(true);
    expect(section.sql).toEqual(plan.up.map((statement) => `${statement.sql};`));
  });

  it("is destructive when a change loses data, and says so in the change's warning", () => {
    const { changes, plan, notes = [] } = input("drop-column");
    const section = differenceSection("t", { changes, plan, notes });
    expect(section.status).toBe("destructive");
    expect(section.items.map((item) => item.destructive)).toEqual([true, true]);
    expect(section.items[0]?.warnings).toEqual([
      "DATA LOSS: drops column public.users.legacy_code; down cannot restore the data (it recreates the column empty).",
    ]);
  });

  it("calls only a change that loses data destructive: not a narrowing that fails on rows that do not fit, nor a missing cast", () => {
    const { changes, plan, notes = [] } = input("type-change-risky");
    const section = differenceSection("t", { changes, plan, notes });
    expect(section.items.map((item) => item.destructive)).toEqual([true, false, false]);
    expect(section.items.map((item) => item.warnings.length)).toEqual([2, 2, 2]);
    expect(section.items[2]?.warnings[0]).toMatch(/^PostgreSQL has no cast from bigint/u);
  });

  it("gives the same sentences as the migration file's WARNING lines, one line each", () => {
    for (const name of ["type-change-risky", "type-change-cast", "rename-inferred", "enum-remove-value", "index-and-constraint"]) {
      const { changes, plan } = input(name);
      const joined = changes
        .map((change) => changeReview(change, plan).warnings)
        .filter((lines) => lines.length > 0)
        .map((lines) => lines.map((line, i) => (i === 0 ? line : line.charAt(0).toUpperCase() + line.slice(1))).join(" "));
      const fileLines = warningsFor(plan, changes).filter((line) => !line.startsWith("runs outside") && !line.startsWith("down adds"));
      expect(joined, name).toEqual(fileLines);
    }
  });

  it("puts each ambiguous-rename note once, on the change that adds the object it may be", () => {
    const { changes, plan, notes = [] } = input("rename-ambiguous");
    const section = differenceSection("t", { changes, plan, notes });
    const noted = section.items.filter((item) => item.warnings.some((line) => line.startsWith("ambiguous rename:")));
    expect(noted.map((item) => item.text)).toEqual(["create table public.accounts", "add column public.users.given_name (text)"]);
    expect(section.items).toHaveLength(changes.length);
  });

  it("lists a note whose added object has no change as an item of its own", () => {
    const { changes, plan, notes = [] } = input("rename-ambiguous");
    const section = differenceSection("t", { changes: [], plan: { up: [], down: plan.down }, notes });
    expect(changes.length).toBeGreaterThan(0);
    expect(section.items.map((item) => item.text.slice(0, 23))).toEqual(["ambiguous rename: table", "ambiguous rename: colum"]);
    expect(section.status).toBe("changes");
  });

  it("is changes when only unsupported objects differ, and names them", () => {
    const unsupported = ["function public.f(i integer)"];
    const section = differenceSection("t", { changes: [], plan: { up: [], down: [] }, notes: [], unsupported });
    expect(section.status).toBe("changes");
    expect(section.unsupported).toEqual(unsupported);
  });

  it("places each change where locate says", () => {
    const { changes, plan, notes = [] } = input("drop-column");
    const section = differenceSection("t", { changes, plan, notes }, (change) =>
      change === changes[1] ? { file: "/repo/schema/users.ts", line: 7 } : null,
    );
    expect(section.items.map((item) => item.location)).toEqual([null, { file: "/repo/schema/users.ts", line: 7 }]);
  });
});

describe("sqlStatements", () => {
  it("ends each statement in exactly one ;", () => {
    expect(sqlStatements([{ sql: "SELECT 1" }, { sql: "SELECT 2;" }, { sql: "SELECT 3;\n" }])).toEqual(["SELECT 1;", "SELECT 2;", "SELECT 3;"]);
  });
});
