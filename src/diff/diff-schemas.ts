import type { Column } from "../ir/column.js";
import type { EnumType, Extension, Namespace, View } from "../ir/objects.js";
import { keyOf, nameOf, type QualifiedName } from "../ir/qualified-name.js";
import { sameValue } from "../ir/same-value.js";
import type { Schema } from "../ir/schema.js";
import type { Sequence } from "../ir/sequence.js";
import type { Change, TypeUsage } from "./change.js";
import { detectRenames } from "./detect-renames.js";
import { diffIndexes, diffTable } from "./diff-table.js";
import { keyedDiff } from "./keyed-diff.js";
import type { DiffOptions } from "./rename-hints.js";
import type { SchemaDiff } from "./rename-note.js";
import { inDependencyOrder, viewsToRebuild } from "./view-dependencies.js";

/**
 * Everything that differs between `from` and `to`, as changes that take `from` to `to`. Pure: the
 * order is the order of discovery; the planner orders statements by dependency.
 */
export function diffSchemas(from: Schema, to: Schema, options: DiffOptions = {}): readonly Change[] {
  return diffSchemasWithNotes(from, to, options).changes;
}

/**
 * The same, with the notes a reviewer needs (renames that could not be told apart). Renames come
 * first, and every other change is found between `to` and `from` with the renames applied, so it
 * names objects by their new names; only the drops of views, whose queries name the old ones, come
 * before the renames. The planner keeps that split: what is listed before a rename runs before it.
 */
export function diffSchemasWithNotes(from: Schema, to: Schema, options: DiffOptions = {}): SchemaDiff {
  const renames = detectRenames(from, to, options);
  // A view kept word for word that names a renamed table's old name means another relation now
  // (PostgreSQL would make it follow the rename): it is rebuilt.
  const oldNames = renames.renames.flatMap((change) => (change.kind === "renameTable" ? [keyOf(change.from)] : []));
  const changes = diffRenamed(renames.from, to, oldNames);
  return {
    changes: [...changes.filter((change) => change.kind === "dropView"), ...renames.renames, ...changes.filter((change) => change.kind !== "dropView")],
    notes: renames.notes,
  };
}

function diffRenamed(from: Schema, to: Schema, renamedAway: readonly string[]): readonly Change[] {
  const enums = diffEnums(from, to);
  return [
    ...diffNamespaces(from.namespaces, to.namespaces),
    ...diffExtensions(from.extensions, to.extensions),
    ...enums,
    ...diffSequences(from.sequences, to.sequences),
    ...tableChanges(from, to, enums, renamedAway),
  ];
}

/**
 * Tables, then views: a view is rebuilt when a relation it mentions is dropped or its columns change,
 * including columns recast because their enum is recreated.
 */
function tableChanges(from: Schema, to: Schema, enums: readonly Change[], renamedAway: readonly string[]): Change[] {
  const tables = diffTables(from, to);
  const touched = new Set<string>(renamedAway);
  for (const change of tables) {
    if (change.kind === "dropTable") touched.add(keyOf(change.from));
    if (change.kind === "dropColumn" || (change.kind === "alterColumn" && rewritesColumn(change.from, change.to))) {
      touched.add(keyOf(change.table));
    }
  }
  // Adding a value is a removal the other way, which recreates the type: the down plan is these
  // changes inverted, so views over the enum's columns are rebuilt whichever way it goes.
  for (const change of enums) {
    if (change.kind !== "alterEnum") continue;
    for (const usage of [...change.fromUsages, ...change.toUsages]) touched.add(keyOf(usage.table));
  }
  return [...tables, ...diffViews(from.views, to.views, touched)];
}

/** What PostgreSQL refuses on a column a view uses: a new type or collation, or a rebuilt generated column. */
function rewritesColumn(from: Column, to: Column): boolean {
  return from.type.sql !== to.type.sql || !sameValue(from.collation, to.collation) || !sameValue(from.generated, to.generated);
}

function diffNamespaces(from: Schema["namespaces"], to: Schema["namespaces"]): Change[] {
  const { removed, added, common } = keyedDiff<Namespace>(from, to);
  return [
    ...removed.map((namespace): Change => ({ kind: "dropNamespace", from: namespace })),
    ...added.map((namespace): Change => ({ kind: "createNamespace", to: namespace })),
    ...common
      .filter((pair) => pair.from.comment !== pair.to.comment)
      .map((pair): Change => ({ kind: "setComment", target: { on: "schema", name: pair.to.name }, from: pair.from.comment, to: pair.to.comment })),
  ];
}

/** A version is compared only when both sides state one (models do not). */
function diffExtensions(from: Schema["extensions"], to: Schema["extensions"]): Change[] {
  const { removed, added, common } = keyedDiff<Extension>(from, to);
  const moved = common.filter((pair) => pair.from.schema !== pair.to.schema);
  const updated = common.filter(
    (pair) => pair.from.schema === pair.to.schema && pair.from.version !== null && pair.to.version !== null && pair.from.version !== pair.to.version,
  );
  return [
    ...[...removed, ...moved.map((pair) => pair.from)].map((extension): Change => ({ kind: "dropExtension", from: extension })),
    ...[...added, ...moved.map((pair) => pair.to)].map((extension): Change => ({ kind: "createExtension", to: extension })),
    ...updated.map((pair): Change => ({ kind: "alterExtension", from: pair.from, to: pair.to })),
  ];
}

function diffEnums(from: Schema, to: Schema): Change[] {
  const { removed, added, common } = keyedDiff<EnumType>(from.enums, to.enums);
  const changes: Change[] = [
    ...removed.map((type): Change => ({ kind: "dropEnum", from: type })),
    ...added.map((type): Change => ({ kind: "createEnum", to: type })),
  ];
  for (const pair of common) {
    if (!sameValue(pair.from.values, pair.to.values)) {
      changes.push({
        kind: "alterEnum",
        from: pair.from,
        to: pair.to,
        // Only columns on both sides are recast: dropped ones are gone and new ones are created
        // with the new type by the time the type is recreated.
        fromUsages: usagesOf(from, pair.from).filter((usage) => hasColumn(to, usage)),
        toUsages: usagesOf(to, pair.to).filter((usage) => hasColumn(from, usage)),
      });
    }
    if (pair.from.comment !== pair.to.comment) {
      changes.push({ kind: "setComment", target: { on: "type", object: nameOf(pair.to) }, from: pair.from.comment, to: pair.to.comment });
    }
  }
  return changes;
}

/** The columns whose type is `type` or an array of it. */
function usagesOf(schema: Schema, type: QualifiedName): TypeUsage[] {
  const key = keyOf(type);
  return Object.values(schema.tables).flatMap((table) =>
    table.columns
      .filter((column) => column.type.userType !== null && keyOf(column.type.userType) === key)
      .map((column) => ({ table: { schema: table.schema, name: table.name }, column })),
  );
}

function hasColumn(schema: Schema, usage: TypeUsage): boolean {
  return schema.tables[keyOf(usage.table)]?.columns.some((column) => column.name === usage.column.name) ?? false;
}

function diffSequences(from: Schema["sequences"], to: Schema["sequences"]): Change[] {
  const { removed, added, common } = keyedDiff<Sequence>(from, to);
  const changes: Change[] = [
    ...removed.map((sequence): Change => ({ kind: "dropSequence", from: sequence })),
    ...added.map((sequence): Change => ({ kind: "createSequence", to: sequence })),
  ];
  for (const pair of common) {
    const { comment: fromComment, ...fromRest } = pair.from;
    const { comment: toComment, ...toRest } = pair.to;
    if (!sameValue(fromRest, toRest)) changes.push({ kind: "alterSequence", from: pair.from, to: pair.to });
    if (fromComment !== toComment) {
      changes.push({ kind: "setComment", target: { on: "sequence", object: nameOf(pair.to) }, from: fromComment, to: toComment });
    }
  }
  return changes;
}

function diffTables(from: Schema, to: Schema): Change[] {
  const { removed, added, common } = keyedDiff(from.tables, to.tables);
  return [
    ...removed.map((table): Change => ({ kind: "dropTable", from: table })),
    ...added.map((table): Change => ({ kind: "createTable", to: table })),
    ...common.flatMap((pair) => diffTable(pair.from, pair.to)),
  ];
}

/**
 * A view whose query or kind differs, or that depends on something that changes, is dropped and
 * created again with its indexes: dependents dropped first, created last.
 */
function diffViews(from: Schema["views"], to: Schema["views"], touched: ReadonlySet<string>): Change[] {
  const { removed, added, common } = keyedDiff<View>(from, to);
  const changed = common.filter((pair) => pair.from.definition !== pair.to.definition || pair.from.materialized !== pair.to.materialized);
  const dependents = viewsToRebuild(
    common.filter((pair) => !changed.includes(pair)),
    new Set([...touched, ...removed.map((view) => keyOf(view)), ...changed.map((pair) => keyOf(pair.from))]),
  );
  const rebuilt = common.filter((pair) => changed.includes(pair) || dependents.has(keyOf(pair.from)));
  const kept = common.filter((pair) => !rebuilt.includes(pair));
  return [
    ...inDependencyOrder([...removed, ...rebuilt.map((pair) => pair.from)]).reverse().map((view): Change => ({ kind: "dropView", from: view })),
    ...inDependencyOrder([...added, ...rebuilt.map((pair) => pair.to)]).map((view): Change => ({ kind: "createView", to: view })),
    ...kept.flatMap((pair) => [
      ...diffIndexes(nameOf(pair.to), pair.from.indexes, pair.to.indexes),
      ...(pair.from.comment === pair.to.comment
        ? []
        : [{ kind: "setComment", target: { on: pair.to.materialized ? "materializedView" : "view", object: nameOf(pair.to) }, from: pair.from.comment, to: pair.to.comment } as const]),
    ]),
  ];
}
