import type { Column } from "../ir/column.js";
import type { Index } from "../ir/index-def.js";
import { keyOf } from "../ir/qualified-name.js";
import type { Schema } from "../ir/schema.js";
import type { Table } from "../ir/table.js";
import { renameColumnsIn, renameConstraintsIn, renameIndexesIn, type MemberRenames } from "./apply-renames.js";
import type { Change, Constraint } from "./change.js";
import { tableConstraints } from "./diff-table.js";
import { columnFingerprint, constraintFingerprint, indexFingerprint } from "./rename-fingerprints.js";
import type { RenameNote } from "./rename-note.js";
import { renameMembers, uniqueMemberHints, type MemberKind, type Renamed, type StageHints } from "./rename-stages.js";
import { ignoreMisfit, resolveMemberHint, throwMisfit, type MemberHint, type ParsedHint, type TableRenames } from "./resolve-rename-hints.js";
import type { NameSubstitution } from "./similar-names.js";

const COLUMNS: MemberKind<Column> = {
  object: "column",
  members: (table) => table.columns,
  names: (table) => table.columns.map((column) => column.name),
  name: (column) => column.name,
  fingerprint: columnFingerprint,
};
const INDEXES: MemberKind<Index> = {
  object: "index",
  members: (table) => Object.values(table.indexes),
  names: (table) => Object.keys(table.indexes),
  name: (index) => index.name,
  fingerprint: indexFingerprint,
};
const CONSTRAINTS: MemberKind<Constraint> = {
  object: "constraint",
  members: (table) => Object.values(tableConstraints(table)),
  names: (table) => [
    ...(table.primaryKey === null ? [] : [table.primaryKey.name]),
    ...Object.keys(table.uniques), ...Object.keys(table.foreignKeys), ...Object.keys(table.checks),
  ],
  name: (constraint) => constraint.def.name,
  fingerprint: constraintFingerprint,
};

export interface MemberRenameInput {
  /** The `from` side with its tables renamed already. */
  readonly from: Schema;
  /** The `from` side with its tables under their old names, which hints may use. */
  readonly unrenamed: Schema;
  readonly to: Schema;
  readonly tables: readonly Renamed<Table>[];
  readonly stated: readonly ParsedHint[];
  readonly rejected: readonly ParsedHint[];
  readonly infer: boolean;
}

export interface MemberRenameResult {
  readonly from: Schema;
  readonly changes: readonly Change[];
  readonly notes: readonly RenameNote[];
}

/** Columns first (the others name columns), then constraints and indexes, table by table. */
export function renameTableMembers(input: MemberRenameInput): MemberRenameResult {
  const tableRenames = tableRenameMaps(input.tables);
  const hints = (object: MemberKind<unknown>["object"]) => memberHints(input, tableRenames, object);
  const columns = stage(COLUMNS, input.from, input.to, hints("column"), () => []);
  const afterColumns = renameColumnsIn(input.from, memberMap(columns.renamed, COLUMNS.name));
  const substitutions = substitutionsOf(input.tables, columns.renamed, input.to);
  const constraints = stage(CONSTRAINTS, afterColumns, input.to, hints("constraint"), substitutions);
  const indexes = stage(INDEXES, afterColumns, input.to, hints("index"), substitutions);
  const from = renameIndexesIn(renameConstraintsIn(afterColumns, memberMap(constraints.renamed, CONSTRAINTS.name)), memberMap(indexes.renamed, INDEXES.name));
  return {
    from,
    changes: [
      ...columns.renamed.map(({ table, from: old, to, inferred }): Change => ({ kind: "renameColumn", table, from: old, to, inferred })),
      ...constraints.renamed.map(({ table, from: old, to, inferred }): Change => ({ kind: "renameConstraint", table, from: old, to, inferred })),
      ...indexes.renamed.map(({ table, from: old, to, inferred }): Change => ({ kind: "renameIndex", table, from: old, to, inferred })),
    ],
    notes: [...columns.notes, ...constraints.notes, ...indexes.notes],
  };
}

interface TableRenamed<T> extends Renamed<T> {
  readonly table: { readonly schema: string; readonly name: string };
}

/** One kind of member, over every table on both sides. */
function stage<T>(
  kind: MemberKind<T>,
  from: Schema,
  to: Schema,
  hints: StageHints<MemberHint>,
  substitutions: (table: Table) => readonly NameSubstitution[],
): { readonly renamed: readonly TableRenamed<T>[]; readonly notes: readonly RenameNote[] } {
  const renamed: TableRenamed<T>[] = [];
  const notes: RenameNote[] = [];
  for (const [key, after] of Object.entries(to.tables)) {
    const before = Object.hasOwn(from.tables, key) ? from.tables[key] : undefined;
    if (before === undefined) continue;
    const own = (list: readonly MemberHint[]) => list.filter((hint) => hint.table === key);
    const stated = own(hints.stated);
    if (stated.length === 0 && sameNames(kind.names(before), kind.names(after))) continue;
    const result = renameMembers(kind, { from: before, to: after }, { ...hints, stated, rejected: own(hints.rejected) }, substitutions(after));
    const table = { schema: after.schema, name: after.name };
    renamed.push(...result.renamed.map((item) => ({ ...item, table })));
    notes.push(...result.notes);
  }
  return { renamed, notes };
}

/** Whether two lists hold the same names (in the same order, usually). */
function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  if (a.every((name, i) => name === b[i])) return true;
  const names = new Set(b);
  return a.every((name) => names.has(name));
}

function memberHints(input: MemberRenameInput, tables: TableRenames, object: MemberKind<unknown>["object"]): StageHints<MemberHint> {
  const { unrenamed, to } = input;
  const stated = input.stated.filter((hint) => hint.object === object);
  const rejected = input.rejected.filter((hint) => hint.object === object);
  return {
    stated: uniqueMemberHints(stated.map((hint) => resolveMemberHint(hint, unrenamed, to, tables, throwMisfit)), stated),
    rejected: rejected.flatMap((hint) => resolveMemberHint(hint, unrenamed, to, tables, ignoreMisfit) ?? []),
    infer: input.infer,
  };
}

function tableRenameMaps(tables: readonly Renamed<Table>[]): TableRenames {
  return {
    forward: new Map(tables.map((pair) => [keyOf(pair.from), keyOf(pair.to)])),
    backward: new Map(tables.map((pair) => [keyOf(pair.to), keyOf(pair.from)])),
  };
}

/** Table key → old name → new name. */
function memberMap<T>(renamed: readonly TableRenamed<T>[], name: (member: T) => string): MemberRenames {
  const map = new Map<string, Map<string, string>>();
  for (const item of renamed) {
    const key = keyOf(item.table);
    map.set(key, (map.get(key) ?? new Map<string, string>()).set(name(item.from), name(item.to)));
  }
  return map;
}

/**
 * The names a table's constraint and index names may hold and that changed: its own (old → new)
 * and its columns', and those of the tables its foreign keys reference.
 */
function substitutionsOf(tables: readonly Renamed<Table>[], columns: readonly TableRenamed<Column>[], to: Schema): (table: Table) => readonly NameSubstitution[] {
  const byTable = new Map<string, NameSubstitution[]>();
  const add = (key: string, substitution: NameSubstitution) => byTable.set(key, [...(byTable.get(key) ?? []), substitution]);
  for (const pair of tables) add(keyOf(pair.to), { from: pair.from.name, to: pair.to.name, inferred: pair.inferred });
  for (const pair of columns) add(keyOf(pair.table), { from: pair.from.name, to: pair.to.name, inferred: pair.inferred });
  return (table) => {
    const related = [keyOf(table), ...Object.values(table.foreignKeys).map((fk) => keyOf(fk.references))];
    return [...new Set(related)].filter((key) => Object.hasOwn(to.tables, key)).flatMap((key) => byTable.get(key) ?? []);
  };
}
