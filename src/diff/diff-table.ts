import type { Column } from "../ir/column.js";
import type { Index } from "../ir/index-def.js";
import type { QualifiedName } from "../ir/qualified-name.js";
import { sameValue } from "../ir/same-value.js";
import type { Table } from "../ir/table.js";
import type { Change, Constraint } from "./change.js";
import { keyedDiff, namedDiff } from "./keyed-diff.js";

/** The constraints of a table, each tagged with its type, keyed by name. */
export function tableConstraints(table: Table): Record<string, Constraint> {
  const constraints: Record<string, Constraint> = {};
  if (table.primaryKey !== null) constraints[table.primaryKey.name] = { type: "primaryKey", def: table.primaryKey };
  for (const def of Object.values(table.uniques)) constraints[def.name] = { type: "unique", def };
  for (const def of Object.values(table.foreignKeys)) constraints[def.name] = { type: "foreignKey", def };
  for (const def of Object.values(table.checks)) constraints[def.name] = { type: "check", def };
  return constraints;
}

/** Changes inside a table that exists on both sides. */
export function diffTable(from: Table, to: Table): Change[] {
  const table: QualifiedName = { schema: to.schema, name: to.name };
  return [
    ...diffColumns(table, from.columns, to.columns),
    ...diffConstraints(table, tableConstraints(from), tableConstraints(to)),
    ...diffIndexes(table, from.indexes, to.indexes),
    ...(from.comment === to.comment ? [] : [{ kind: "setComment", target: { on: "table", object: table }, from: from.comment, to: to.comment } as const]),
  ];
}

function diffColumns(table: QualifiedName, from: readonly Column[], to: readonly Column[]): Change[] {
  const { removed, added, common } = namedDiff(from, to);
  const changes: Change[] = [
    ...removed.map((column): Change => ({ kind: "dropColumn", table, from: column })),
    ...added.map((column): Change => ({ kind: "addColumn", table, to: column })),
  ];
  for (const pair of common) {
    const { comment: fromComment, ...fromRest } = pair.from;
    const { comment: toComment, ...toRest } = pair.to;
    if (!sameValue(fromRest, toRest)) changes.push({ kind: "alterColumn", table, from: pair.from, to: pair.to });
    if (fromComment !== toComment) {
      changes.push({ kind: "setComment", target: { on: "column", object: table, column: pair.to.name }, from: fromComment, to: toComment });
    }
  }
  return changes;
}

/** A constraint that differs in any way is dropped and added again (PostgreSQL cannot alter one). */
function diffConstraints(
  table: QualifiedName,
  from: Readonly<Record<string, Constraint>>,
  to: Readonly<Record<string, Constraint>>,
): Change[] {
  const { removed, added, common } = keyedDiff(from, to);
  const changed = common.filter((pair) => !sameValue(pair.from, pair.to));
  return [
    ...[...removed, ...changed.map((pair) => pair.from)].map((c): Change => ({ kind: "dropConstraint", table, from: c })),
    ...[...added, ...changed.map((pair) => pair.to)].map((c): Change => ({ kind: "addConstraint", table, to: c })),
  ];
}

/** Indexes are dropped and created again when they differ; a comment alone is altered in place. */
export function diffIndexes(
  table: QualifiedName,
  from: Readonly<Record<string, Index>>,
  to: Readonly<Record<string, Index>>,
): Change[] {
  const { removed, added, common } = keyedDiff(from, to);
  const changes: Change[] = [];
  for (const pair of common) {
    const { comment: fromComment, ...fromRest } = pair.from;
    const { comment: toComment, ...toRest } = pair.to;
    if (!sameValue(fromRest, toRest)) {
      changes.push({ kind: "dropIndex", table, from: pair.from }, { kind: "createIndex", table, to: pair.to });
    } else if (fromComment !== toComment) {
      const object = { schema: table.schema, name: pair.to.name };
      changes.push({ kind: "setComment", target: { on: "index", object }, from: fromComment, to: toComment });
    }
  }
  return [
    ...removed.map((index): Change => ({ kind: "dropIndex", table, from: index })),
    ...changes,
    ...added.map((index): Change => ({ kind: "createIndex", table, to: index })),
  ];
}
