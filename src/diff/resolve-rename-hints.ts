import { qualifiedKey, type QualifiedName } from "../ir/qualified-name.js";
import type { Schema } from "../ir/schema.js";
import type { Table } from "../ir/table.js";
import { tableConstraints } from "./diff-table.js";
import { parseHintPath, type RenamedObject } from "./hint-path.js";
import { RenameHintError, type RenameHintProblem } from "./rename-hint-error.js";
import type { RenameHint } from "./rename-hints.js";

/** A stated rename, parsed, with its kind settled. */
export interface ParsedHint {
  readonly hint: RenameHint;
  readonly object: RenamedObject;
  readonly from: readonly string[];
  readonly to: readonly string[];
}

/** What a hint that does not fit does: stated renames throw, turned-down ones are ignored. */
export type OnMisfit = (hint: RenameHint, problem: RenameHintProblem, detail: string) => null;

export const throwMisfit: OnMisfit = (hint, problem, detail) => {
  throw new RenameHintError(hint, problem, detail);
};
export const ignoreMisfit: OnMisfit = () => null;

const PARTS: Readonly<Record<RenamedObject, readonly [number, number]>> = {
  table: [1, 2], enum: [1, 2], index: [1, 2], column: [2, 3], constraint: [2, 3],
};

/** Both sides parsed; without a `kind:`, a two-part name is a column when its first part names a table. */
export function parseHints(hints: readonly RenameHint[], from: Schema, to: Schema, onMisfit: OnMisfit): readonly ParsedHint[] {
  return hints.flatMap((hint) => {
    const [left, right] = [parseHintPath(hint.from), parseHintPath(hint.to)];
    if (left === null || right === null) return onMisfit(hint, "malformed", "a name does not parse") ?? [];
    if (left.object !== null && right.object !== null && left.object !== right.object) {
      return onMisfit(hint, "malformed", `the two sides name a ${left.object} and a ${right.object}`) ?? [];
    }
    const object = left.object ?? right.object ?? unprefixedKind(left.parts, from, to);
    const [fewest, most] = PARTS[object];
    if ([left, right].some((side) => side.parts.length < fewest || side.parts.length > most)) {
      return onMisfit(hint, "malformed", `a ${object} is named with ${fewest === 1 ? "[schema.]name" : "[schema.]table.name"}`) ?? [];
    }
    return [{ hint, object, from: left.parts, to: right.parts }];
  });
}

function unprefixedKind(parts: readonly string[], from: Schema, to: Schema): RenamedObject {
  if (parts.length !== 2) return parts.length === 1 ? "table" : "column";
  const first = parts[0];
  const namesTable = (schema: Schema) => Object.values(schema.tables).some((table) => table.name === first);
  return namesTable(from) || namesTable(to) ? "column" : "table";
}

/**
 * The key of the object `parts` names: `[schema, name]`, or `[name]` in the first schema that has
 * one (`preferred`, then `public`, then the others in order).
 */
export function findObject(objects: Readonly<Record<string, QualifiedName>>, parts: readonly string[], preferred?: string): string | null {
  if (parts.length === 2) {
    const key = qualifiedKey(parts[0] ?? "", parts[1] ?? "");
    return Object.hasOwn(objects, key) ? key : null;
  }
  const schemas = Object.values(objects).filter((object) => object.name === parts[0]).map((object) => object.schema);
  const schema = [preferred, "public", ...schemas.sort()].find((candidate) => candidate !== undefined && schemas.includes(candidate));
  return schema === undefined ? null : qualifiedKey(schema, parts[0] ?? "");
}

/** A stated enum or table rename: the old key and the new one. */
export function resolveObjectHint(
  parsed: ParsedHint,
  from: Readonly<Record<string, QualifiedName>>,
  to: Readonly<Record<string, QualifiedName>>,
  onMisfit: OnMisfit,
): { readonly from: string; readonly to: string } | null {
  const { hint, object } = parsed;
  const fromKey = findObject(from, parsed.from);
  if (fromKey === null) return onMisfit(hint, "missingSource", `there is no ${object} ${hint.from} to rename`);
  const toKey = findObject(to, parsed.to, from[fromKey]?.schema);
  if (toKey === null) return onMisfit(hint, "missingTarget", `there is no ${object} ${hint.to} to rename it to`);
  if (from[fromKey]?.schema !== to[toKey]?.schema) {
    return onMisfit(hint, "otherScope", `${fromKey} and ${toKey} are in different schemas, and a rename stays in its schema`);
  }
  if (Object.hasOwn(to, fromKey)) return onMisfit(hint, "sourceKept", `${object} ${fromKey} is still there after the change`);
  if (Object.hasOwn(from, toKey)) return onMisfit(hint, "targetExists", `${object} ${toKey} is there already`);
  return { from: fromKey, to: toKey };
}

/** Old table key → new key, both ways, for the tables renamed so far. */
export interface TableRenames {
  readonly forward: ReadonlyMap<string, string>;
  readonly backward: ReadonlyMap<string, string>;
}

/** A stated rename of a column, index or constraint: its table's new key, and the two names. */
export interface MemberHint {
  readonly table: string;
  readonly from: string;
  readonly to: string;
}

/**
 * Resolves a column, index or constraint hint. Its table may be named by its old name or its new
 * one on either side; the two sides must name the same table.
 */
export function resolveMemberHint(parsed: ParsedHint, from: Schema, to: Schema, tables: TableRenames, onMisfit: OnMisfit): MemberHint | null {
  const { hint, object } = parsed;
  const fromName = parsed.from.at(-1) ?? "";
  const toName = parsed.to.at(-1) ?? "";
  const fromTable = memberTable(parsed, "from", from, to, tables);
  if (fromTable === null) return onMisfit(hint, "missingSource", `there is no ${object} ${hint.from} to rename`);
  const toTable = memberTable(parsed, "to", from, to, tables, from.tables[fromTable]?.schema);
  if (toTable === null) return onMisfit(hint, "missingTarget", `there is no ${object} ${hint.to} to rename it to`);
  if ((tables.forward.get(fromTable) ?? fromTable) !== toTable) {
    return onMisfit(hint, "otherScope", `${hint.from} and ${hint.to} are in different tables, and a rename stays in its table`);
  }
  const [before, after] = [membersOf(object, from.tables[fromTable]), membersOf(object, to.tables[toTable])];
  if (!before.has(fromName)) return onMisfit(hint, "missingSource", `there is no ${object} ${fromName} in ${fromTable} to rename`);
  if (!after.has(toName)) return onMisfit(hint, "missingTarget", `there is no ${object} ${toName} in ${toTable} to rename it to`);
  if (after.has(fromName)) return onMisfit(hint, "sourceKept", `${object} ${fromName} of ${toTable} is still there after the change`);
  if (before.has(toName)) return onMisfit(hint, "targetExists", `${object} ${toName} of ${fromTable} is there already`);
  return { table: toTable, from: fromName, to: toName };
}

/**
 * The key of the member's table on one side (the old key on `from`, the new on `to`), found by the
 * name the hint gives it on either side; for an index, the table that holds it.
 */
function memberTable(parsed: ParsedHint, side: "from" | "to", from: Schema, to: Schema, tables: TableRenames, preferred?: string): string | null {
  const [own, other, map] = side === "from" ? [from, to, tables.backward] : [to, from, tables.forward];
  const parts = side === "from" ? parsed.from : parsed.to;
  if (parsed.object === "index") return tableHoldingIndex(own.tables, parts, preferred);
  const tableParts = parts.slice(0, -1);
  const direct = findObject(own.tables, tableParts, preferred);
  if (direct !== null) return direct;
  const viaOther = findObject(other.tables, tableParts, preferred);
  return viaOther === null ? null : (map.get(viaOther) ?? null);
}

function tableHoldingIndex(tables: Readonly<Record<string, Table>>, parts: readonly string[], preferred?: string): string | null {
  const name = parts.at(-1) ?? "";
  const holders = Object.values(tables).filter((table) => Object.hasOwn(table.indexes, name) && (parts.length === 1 || table.schema === parts[0]));
  const schemas = holders.map((table) => table.schema);
  const schema = [preferred, "public", ...schemas.sort()].find((candidate) => candidate !== undefined && schemas.includes(candidate));
  const holder = holders.find((table) => table.schema === schema);
  return holder === undefined ? null : qualifiedKey(holder.schema, holder.name);
}

function membersOf(object: RenamedObject, table: Table | undefined): ReadonlySet<string> {
  if (table === undefined) return new Set();
  if (object === "column") return new Set(table.columns.map((column) => column.name));
  if (object === "index") return new Set(Object.keys(table.indexes));
  return new Set(Object.keys(tableConstraints(table)));
}
