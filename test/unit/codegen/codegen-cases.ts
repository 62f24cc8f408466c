import { existsSync } from "node:fs";
import { join } from "node:path";
import type { FormatOptions } from "../../../src/codegen/format-options.js";
import type { MigrationInput } from "../../../src/codegen/render-migration.js";
import type { RenameNote } from "../../../src/codegen/rename-note.js";
import type { RevisionMetadata } from "../../../src/codegen/revision-metadata.js";
import type { Change } from "../../../src/diff/change.js";
import { diffSchemas } from "../../../src/diff/diff-schemas.js";
import { invertChange } from "../../../src/diff/invert-change.js";
import { EMPTY_SCHEMA, type Schema } from "../../../src/ir/schema.js";
import { plan as planChanges } from "../../../src/sql/plan.js";
import type { Hazard, Plan, Statement } from "../../../src/sql/statement.js";
import { FIXTURES, fixtureCases, readJson } from "../../support/fixture-cases.js";

/**
 * `fixtures/codegen/<case>/case.json`: the revision metadata (`createdAt` as an ISO string), the
 * prettier options, and where the changes come from: `schemas` (two Schema files, paths relative
 * to fixtures/, or "empty"), or `changes.json` beside it. The plan is the planner's, or `plan.json`
 * written by hand when the planner cannot plan the changes yet; with neither, there is no plan (a
 * hand-written or merge revision). `notes.json` holds the differ's ambiguous-rename notes.
 */
interface CaseFile {
  readonly meta: Omit<RevisionMetadata, "createdAt"> & { readonly createdAt: string };
  readonly schemas?: { readonly from: string; readonly to: string };
  readonly format?: FormatOptions;
}

/** A hand-written plan: each statement names its change by index, down ones by the change they invert. */
interface PlanFile {
  readonly up: readonly HandStatement[];
  readonly down: readonly HandStatement[];
}
type HandStatement = { readonly sql: string; readonly hazards: readonly Hazard[] } & (
  | { readonly change: number }
  | { readonly inverseOf: number }
);

export interface CodegenCase {
  readonly name: string;
  readonly dir: string;
  readonly expected: string;
  readonly input: MigrationInput;
  readonly format: FormatOptions;
}

export function codegenCases(): readonly CodegenCase[] {
  return fixtureCases("codegen").map(({ name, dir }) => {
    const file = readJson<CaseFile>(dir, "case.json");
    const changes = caseChanges(dir, file);
    const plan = existsSync(join(dir, "plan.json"))
      ? handPlan(changes, readJson<PlanFile>(dir, "plan.json"))
      : file.schemas !== undefined || existsSync(join(dir, "changes.json")) ? planChanges(changes) : null;
    const meta: RevisionMetadata = { ...file.meta, createdAt: new Date(file.meta.createdAt) };
    const notes = readJson<readonly RenameNote[]>(dir, "notes.json", []);
    return { name, dir, expected: join(dir, "expected.ts"), input: { meta, changes, plan, notes }, format: file.format ?? {} };
  });
}

function caseChanges(dir: string, file: CaseFile): readonly Change[] {
  if (file.schemas !== undefined) return diffSchemas(schemaAt(file.schemas.from), schemaAt(file.schemas.to));
  return readJson<readonly Change[]>(dir, "changes.json", []);
}

function schemaAt(path: string): Schema {
  if (path === "empty") return EMPTY_SCHEMA;
  return { ...EMPTY_SCHEMA, ...readJson<Partial<Schema>>(FIXTURES, path) };
}

function handPlan(changes: readonly Change[], file: PlanFile): Plan {
  const changeAt = (index: number): Change => {
    const change = changes[index];
    if (change === undefined) throw new Error(`plan.json names change ${index}, which changes.json lacks`);
    return change;
  };
  const statement = (hand: HandStatement): Statement => ({
    sql: hand.sql,
    hazards: hand.hazards,
    change: "change" in hand ? changeAt(hand.change) : inverted(changeAt(hand.inverseOf)),
  });
  return { up: file.up.map(statement), down: file.down.map(statement) };
}

/** Renames and column changes swap their sides; the rest is the differ's own inversion. */
function inverted(change: Change): Change {
  switch (change.kind) {
    case "renameTable":
    case "renameColumn":
    case "renameEnum":
    case "renameIndex":
    case "renameConstraint":
    case "alterColumn":
      return { ...change, from: change.to, to: change.from } as Change;
    default:
      return invertChange(change);
  }
}
