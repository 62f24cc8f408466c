import type { ChangeOf } from "../diff/change.js";
import { enumAdditions } from "../diff/enum-additions.js";
import type { Column, ColumnDefault } from "../ir/column.js";
import { quoteLiteral, quoteQualified } from "../ir/quote.js";
import { sameValue } from "../ir/same-value.js";
import type { Sequence, SequenceOptions } from "../ir/sequence.js";
import { columnName, objectName } from "./display-name.js";

/** `alter column public.users.age: type integer → bigint, set not null`. */
export function alterColumnSummary(change: ChangeOf<"alterColumn">): string {
  const aspects = columnAspects(change.from, change.to);
  const what = `alter column ${columnName(change.table, change.to.name)}`;
  return aspects.length === 0 ? what : `${what}: ${aspects.join(", ")}`;
}

function columnAspects(from: Column, to: Column): string[] {
  const aspects: string[] = [];
  if (from.type.sql !== to.type.sql) aspects.push(`type ${from.type.sql} → ${to.type.sql}`);
  if (!sameValue(from.collation, to.collation)) aspects.push(`collation ${collation(from)} → ${collation(to)}`);
  if (from.notNull !== to.notNull) aspects.push(to.notNull ? "set not null" : "drop not null");
  if (!sameValue(from.default, to.default)) aspects.push(defaultAspect(from.default, to.default));
  if (!sameValue(from.identity, to.identity)) {
    if (to.identity === null) aspects.push("drop identity");
    else aspects.push(`${from.identity === null ? "add" : "change"} identity (generated ${to.identity.generation === "always" ? "always" : "by default"})`);
  }
  if (!sameValue(from.generated, to.generated)) {
    if (to.generated === null) aspects.push("drop generated expression");
    else aspects.push(`${from.generated === null ? "make generated as" : "generated expression →"} ${to.generated.expression}`);
  }
  return aspects;
}

const SERIAL_TYPES: Readonly<Record<string, string>> = { smallint: "smallserial", integer: "serial", bigint: "bigserial" };

/** `character varying(20) not null default ''::character varying`, `bigserial`, `integer generated always as identity`. */
export function columnDescription(column: Column): string {
  if (column.default?.kind === "serial") return SERIAL_TYPES[column.type.sql] ?? `${column.type.sql} serial`;
  const parts = [column.type.sql];
  if (column.notNull) parts.push("not null");
  if (column.default !== null) parts.push(`default ${defaultText(column.default)}`);
  if (column.identity !== null) parts.push(`generated ${column.identity.generation === "always" ? "always" : "by default"} as identity`);
  if (column.generated !== null) parts.push(`generated as ${column.generated.expression}`);
  return parts.join(" ");
}

function collation(column: Column): string {
  return column.collation === null ? "default" : quoteQualified(column.collation.schema, column.collation.name);
}

function defaultAspect(from: ColumnDefault | null, to: ColumnDefault | null): string {
  if (from === null) return `set default ${defaultText(to)}`;
  if (to === null) return "drop default";
  return `default ${defaultText(from)} → ${defaultText(to)}`;
}

function defaultText(value: ColumnDefault | null): string {
  if (value === null) return "none";
  return value.kind === "serial" ? "serial" : value.sql;
}

/**
 * `add value 'archived' to enum public.post_status` when values are only added (in place); else
 * the type is recreated: `alter enum public.status: remove value 'b', add value 'd' (recreates the type)`.
 */
export function alterEnumSummary(change: ChangeOf<"alterEnum">): string {
  const { from, to } = change;
  const additions = enumAdditions(from.values, to.values);
  if (additions !== null) return `add ${values(additions.map((addition) => addition.value))} to enum ${objectName(to)}`;
  const removed = from.values.filter((value) => !to.values.includes(value));
  const added = to.values.filter((value) => !from.values.includes(value));
  const aspects = [
    ...(removed.length === 0 ? [] : [`remove ${values(removed)}`]),
    ...(added.length === 0 ? [] : [`add ${values(added)}`]),
  ];
  if (aspects.length === 0) aspects.push(`reorder values to (${to.values.map(quoteLiteral).join(", ")})`);
  return `alter enum ${objectName(to)}: ${aspects.join(", ")} (recreates the type)`;
}

function values(list: readonly string[]): string {
  return `${list.length === 1 ? "value" : "values"} ${list.map(quoteLiteral).join(", ")}`;
}

const SEQUENCE_OPTIONS: readonly (readonly [keyof SequenceOptions, string])[] = [
  ["dataType", "type"],
  ["start", "start"],
  ["increment", "increment"],
  ["minValue", "min value"],
  ["maxValue", "max value"],
  ["cache", "cache"],
  ["cycle", "cycle"],
];

/** `alter sequence public.s: increment 1 → 10, owned by none → public.t.id`. */
export function alterSequenceSummary(change: ChangeOf<"alterSequence">): string {
  const { from, to } = change;
  const aspects = SEQUENCE_OPTIONS.filter(([key]) => from.options[key] !== to.options[key]).map(
    ([key, label]) => `${label} ${String(from.options[key])} → ${String(to.options[key])}`,
  );
  if (!sameValue(from.ownedBy, to.ownedBy)) aspects.push(`owned by ${owner(from)} → ${owner(to)}`);
  const what = `alter sequence ${objectName(to)}`;
  return aspects.length === 0 ? what : `${what}: ${aspects.join(", ")}`;
}

function owner(sequence: Sequence): string {
  if (sequence.ownedBy === null) return "none";
  return columnName({ schema: sequence.schema, name: sequence.ownedBy.table }, sequence.ownedBy.column);
}

