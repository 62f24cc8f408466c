import { keyOf, type QualifiedName } from "../ir/qualified-name.js";
import type { Schema } from "../ir/schema.js";
import { renameEnumsIn, renameTablesIn, type ObjectRenames } from "./apply-renames.js";
import type { Change } from "./change.js";
import type { RenamedObject } from "./hint-path.js";
import { enumFingerprint, tableFingerprint } from "./rename-fingerprints.js";
import type { DiffOptions } from "./rename-hints.js";
import type { RenameNote } from "./rename-note.js";
import { renameObjects, type Renamed, type StageHints } from "./rename-stages.js";
import { renameTableMembers } from "./rename-table-members.js";
import { ignoreMisfit, parseHints, throwMisfit, type ParsedHint } from "./resolve-rename-hints.js";

export interface DetectedRenames {
  /** `from` with every rename applied: what the differ then compares with `to`. */
  readonly from: Schema;
  /** In the order they must run: enums, tables, then the columns, constraints and indexes of tables. */
  readonly renames: readonly Change[];
  readonly notes: readonly RenameNote[];
}

/**
 * The renames that take `from` towards `to`: the stated ones, and (unless `detectRenames` is false)
 * the inferred ones, stage by stage so that each stage compares what the earlier ones renamed:
 * enums (a column's type names its enum), tables, then each table's columns, and then its
 * constraints and indexes, whose names often follow a renamed table or column.
 */
export function detectRenames(from: Schema, to: Schema, options: DiffOptions = {}): DetectedRenames {
  const infer = options.detectRenames ?? true;
  const stated = parseHints(options.renames ?? [], from, to, throwMisfit);
  const rejected = parseHints(options.rejected ?? [], from, to, ignoreMisfit);
  if (!infer && stated.length === 0) return { from, renames: [], notes: [] };
  const hints = (object: RenamedObject): StageHints<ParsedHint> => ({
    stated: stated.filter((hint) => hint.object === object),
    rejected: rejected.filter((hint) => hint.object === object),
    infer,
  });
  const enums = renameObjects("enum", from.enums, to.enums, hints("enum"), enumFingerprint);
  const afterEnums = renameEnumsIn(from, objectRenames(enums.renamed));
  const tables = renameObjects("table", afterEnums.tables, to.tables, hints("table"), tableFingerprint);
  const afterTables = renameTablesIn(afterEnums, objectRenames(tables.renamed));
  const members = renameTableMembers({ from: afterTables, unrenamed: afterEnums, to, tables: tables.renamed, stated, rejected, infer });
  return {
    from: members.from,
    renames: [
      ...enums.renamed.map(({ from: old, to: type, inferred }): Change => ({ kind: "renameEnum", from: old, to: type, inferred })),
      ...tables.renamed.map(({ from: old, to: table, inferred }): Change => ({ kind: "renameTable", from: old, to: table, inferred })),
      ...members.changes,
    ],
    notes: [...enums.notes, ...tables.notes, ...members.notes],
  };
}

function objectRenames<T extends QualifiedName>(renamed: readonly Renamed<T>[]): ObjectRenames {
  return new Map(renamed.map((pair) => [keyOf(pair.from), { schema: pair.to.schema, name: pair.to.name }]));
}
