import { describe, expect, it } from "vitest";
import { needsNoTransaction, warningsFor } from "../../../src/codegen/change-warnings.js";
import type { Change } from "../../../src/diff/change.js";
import type { Hazard, Plan } from "../../../src/sql/statement.js";
import { FIXTURES, readJson } from "../../support/fixture-cases.js";
import { codegenCases } from "./codegen-cases.js";

interface WarningCase {
  readonly title: string;
  readonly change: Change;
  readonly hazards: readonly Hazard[];
  readonly warning: string | null;
}

const warningCases = readJson<{ cases: WarningCase[] }>(`${FIXTURES}/codegen`, "warnings.json").cases;

const byName = new Map(codegenCases().map((testCase) => [testCase.name, testCase.input]));
const input = (name: string) => {
  const found = byName.get(name);
  if (found === undefined) throw new Error(`no codegen case ${name}`);
  return found;
};

describe("warningsFor", () => {
  it.each(warningCases)("$title", ({ change, hazards, warning }) => {
    const plan: Plan = { up: [{ sql: "SELECT 1", hazards, change }], down: [] };
    expect(warningsFor(plan, [change])).toEqual(warning === null ? [] : [warning]);
  });

  it("finds each statement's change by value when the plan was read back from JSON", () => {
    const { plan, changes, notes } = input("type-change-risky");
    const readBack = JSON.parse(JSON.stringify(plan)) as Plan;
    expect(warningsFor(readBack, changes, notes)).toEqual(warningsFor(plan, changes, notes));
    expect(warningsFor(readBack, changes, notes)).toHaveLength(3);
  });

  it("still warns about a statement whose change is not in the list", () => {
    const { plan, changes } = input("drop-column");
    const [first] = warningsFor(plan, changes);
    expect(warningsFor(plan, [])).toEqual(warningsFor(plan, changes));
    expect(first).toMatch(/^DATA LOSS: drops column public\.users\.legacy_code;/u);
  });

  it("writes a line once, however often its change or note is given", () => {
    const { plan, changes, notes = [] } = input("rename-ambiguous");
    const once = warningsFor(plan, changes, notes);
    expect(warningsFor(plan, [...changes, ...changes], [...notes, ...notes])).toEqual(once);
    expect(new Set(once).size).toBe(once.length);
  });

  it("gives no warning for changes that need no review", () => {
    const { plan, changes } = input("add-table");
    expect(warningsFor(plan, changes)).toEqual([]);
    expect(warningsFor(null, [])).toEqual([]);
  });
});

describe("needsNoTransaction", () => {
  it("is true when an up statement cannot run in a transaction; a down that adds enum values back runs in one", () => {
    expect(needsNoTransaction(input("enum-add-value").plan)).toBe(true);
    expect(needsNoTransaction(input("enum-remove-value").plan)).toBe(false);
    expect(needsNoTransaction(input("drop-column").plan)).toBe(false);
    expect(needsNoTransaction(null)).toBe(false);
  });
});
