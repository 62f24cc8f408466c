import type { Change } from "../diff/change.js";
import type { RenameChange } from "../diff/rename-change.js";
import type { Column } from "../ir/column.js";
import { quoteIdent, quoteQualified } from "../ir/quote.js";
import type { QualifiedName } from "../ir/qualified-name.js";
import { serialSequenceName } from "./render-column.js";

/*
 * PostgreSQL names a serial column's sequence `table_column_seq` when it creates it, and never again:
 * renaming the table or the column leaves the sequence under its old name. The IR hides that
 * sequence and tidemark finds it by the name PostgreSQL would give it now (to drop it when the
 * column stops being serial, say), so a rename takes the sequence along.
 *
 * Which columns are serial when the rename runs depends on where it stands among the changes. The
 * differ lists a rename before every change that names its objects by their new names, so going
 * up the rename sees its `from` side (columns not yet added, dropped, altered or renamed); down,
 * the list inverted, the rename comes after those changes and sees its `to` side. Either way the
 * sides differ only where other changes of the same table or column stand in the list, so the
 * planner looks for them among the changes before the rename.
 */

/** `ALTER SEQUENCE … RENAME TO …` for each serial sequence whose expected name the rename changes. */
export function serialSequenceRenames(change: RenameChange, before: readonly Change[]): readonly string[] {
  switch (change.kind) {
    case "renameTable": {
      const columns = before.some((earlier) => changesColumnsOf(earlier, change.from)) ? change.to.columns : change.from.columns;
      return columns
        .filter(isSerial)
        .flatMap((column) => renameSequence(change.from.schema, [change.from.name, column.name], [change.to.name, column.name]));
    }
    case "renameColumn": {
      const column = before.some((earlier) => altersColumn(earlier, change.table, change.from.name)) ? change.to : change.from;
      if (!isSerial(column)) return [];
      return renameSequence(change.table.schema, [change.table.name, change.from.name], [change.table.name, change.to.name]);
    }
    case "renameEnum":
    case "renameIndex":
    case "renameConstraint":
      return [];
    default: {
      const unknown: never = change;
      throw new Error(`unknown rename ${JSON.stringify(unknown)}`);
    }
  }
}

/** A table's name and a column's. */
type ColumnPair = readonly [table: string, column: string];

const isSerial = (column: Column): boolean => column.default?.kind === "serial";

/**
 * The rename of `table_column_seq` from the old pair's name to the new pair's; none when both are
 * one name (long names cut to 63 bytes can end alike).
 */
function renameSequence(schema: string, fromPair: ColumnPair, toPair: ColumnPair): readonly string[] {
  const from = serialSequenceName(...fromPair);
  const to = serialSequenceName(...toPair);
  return from === to ? [] : [`ALTER SEQUENCE ${quoteQualified(schema, from)} RENAME TO ${quoteIdent(to)}`];
}

/** A change that adds, drops, alters or renames a column of `table` (named as it is then). */
function changesColumnsOf(change: Change, table: QualifiedName): boolean {
  const kind = change.kind;
  const onColumn = kind === "addColumn" || kind === "dropColumn" || kind === "alterColumn" || kind === "renameColumn";
  return onColumn && sameName(change.table, table);
}

/** A change that alters column `column` of `table` in place. */
function altersColumn(change: Change, table: QualifiedName, column: string): boolean {
  return change.kind === "alterColumn" && sameName(change.table, table) && change.to.name === column;
}

function sameName(a: QualifiedName, b: QualifiedName): boolean {
  return a.schema === b.schema && a.name === b.name;
}
