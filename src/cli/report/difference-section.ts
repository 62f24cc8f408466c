import { ambiguousRenameWarning, changeReviews } from "../../codegen/change-warnings.js";
import type { RenameNote } from "../../codegen/rename-note.js";
import { summarizeChange } from "../../codegen/summarize-changes.js";
import type { SchemaDifference } from "../../commands/compare-databases.js";
import type { Change } from "../../diff/change.js";
import { keyOf, type QualifiedName } from "../../ir/qualified-name.js";
import type { SourceLocation } from "../../model/model-locations.js";
import type { Statement } from "../../sql/statement.js";
import type { ReportItem, ReportSection } from "./report.js";

/** What differenceSection reads: a SchemaDifference, or a ModelComparison with its unsupported names. */
export type DifferenceInput = Pick<SchemaDifference, "changes" | "plan" | "notes"> & { readonly unsupported?: readonly string[] };

/**
 * A section for two schemas compared: one item per change (its summary line, its warnings, whether
 * it drops data, where it is in the models), the up statements as SQL, the unsupported objects.
 * Status: ok when nothing differs, destructive when a change drops data, else changes.
 *
 * An ambiguous-rename note (the differ wrote drop and add where a rename may have been meant) is
 * a warning on the change that adds the object, so that its annotation lands on the new name in
 * the models; a note whose added object has no change of its own becomes an item of its own.
 */
export function differenceSection(
  title: string,
  difference: DifferenceInput,
  locate: (change: Change) => SourceLocation | null = () => null,
): ReportSection {
  const reviews = changeReviews(difference.changes, difference.plan);
  const items = reviews.map(({ change, warnings, destructive }) => ({
    change,
    item: { text: summarizeChange(change), warnings, destructive, location: locate(change) },
  }));
  const unplaced: ReportItem[] = [];
  for (const note of difference.notes) {
    const line = ambiguousRenameWarning(note);
    const target = items.find(({ change }) => addsNoted(change, note));
    if (target === undefined) unplaced.push({ text: line, warnings: [], destructive: false, location: null });
    else target.item = { ...target.item, warnings: [...target.item.warnings, line] };
  }
  const all = [...items.map(({ item }) => item), ...unplaced];
  const unsupported = difference.unsupported ?? [];
  return {
    title,
    status: sectionStatus(all, unsupported),
    detail: null,
    items: all,
    sql: sqlStatements(difference.plan.up),
    unsupported,
  };
}

function sectionStatus(items: readonly ReportItem[], unsupported: readonly string[]): ReportSection["status"] {
  if (items.some((item) => item.destructive)) return "destructive";
  return items.length === 0 && unsupported.length === 0 ? "ok" : "changes";
}

/** Each statement ending in one `;`, ready for psql. */
export function sqlStatements(statements: readonly Pick<Statement, "sql">[]): readonly string[] {
  return statements.map(({ sql }) => {
    const text = sql.trimEnd();
    return text.endsWith(";") ? text : `${text};`;
  });
}

/** Whether the change adds one of the objects the note says may be a renamed one. */
function addsNoted(change: Change, note: RenameNote): boolean {
  const inTable = (table: QualifiedName) => note.table !== undefined && keyOf(table) === keyOf(note.table);
  switch (note.object) {
    case "table":
      return change.kind === "createTable" && note.added.includes(keyOf(change.to));
    case "enum":
      return change.kind === "createEnum" && note.added.includes(keyOf(change.to));
    case "column":
      return change.kind === "addColumn" && inTable(change.table) && note.added.includes(change.to.name);
    case "index":
      return change.kind === "createIndex" && inTable(change.table) && note.added.includes(change.to.name);
    case "constraint":
      return change.kind === "addConstraint" && inTable(change.table) && note.added.includes(change.to.def.name);
    default: {
      const unknown: never = note.object;
      throw new Error(`unknown renamed object ${String(unknown)}`);
    }
  }
}
