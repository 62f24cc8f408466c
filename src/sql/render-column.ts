import type { Column, Identity } from "../ir/column.js";
import { quoteIdent, quoteQualified } from "../ir/quote.js";
import type { SequenceOptions } from "../ir/sequence.js";

const SERIAL_TYPES: Readonly<Record<string, string>> = { smallint: "smallserial", integer: "serial", bigint: "bigserial" };

/** `name type [COLLATE c] [GENERATED ...] [DEFAULT ...] [NOT NULL]`, as in CREATE TABLE or ADD COLUMN. */
export function columnDefinition(column: Column): string {
  const parts = [quoteIdent(column.name), columnType(column)];
  if (column.collation !== null) parts.push(`COLLATE ${quoteQualified(column.collation.schema, column.collation.name)}`);
  if (column.generated !== null) {
    parts.push(`GENERATED ALWAYS AS (${column.generated.expression}) ${column.generated.stored ? "STORED" : "VIRTUAL"}`);
  }
  if (column.identity !== null) parts.push(identityClause(column.identity));
  if (column.default?.kind === "expression") parts.push(`DEFAULT ${column.default.sql}`);
  if (column.notNull) parts.push("NOT NULL");
  return parts.join(" ");
}

/** The type, spelt `serial`/`bigserial`/`smallserial` for serial columns. */
function columnType(column: Column): string {
  if (column.default?.kind !== "serial") return column.type.sql;
  const serial = SERIAL_TYPES[column.type.sql];
  if (serial === undefined) throw new Error(`a serial column must be smallint, integer or bigint, not ${column.type.sql}`);
  return serial;
}

export function identityClause(identity: Identity): string {
  const generation = identity.generation === "always" ? "ALWAYS" : "BY DEFAULT";
  return `GENERATED ${generation} AS IDENTITY (${sequenceOptionsSql(identity.sequence, { withType: false })})`;
}

/** `START WITH …`, `INCREMENT BY …`, `MINVALUE …`, `MAXVALUE …`, `CACHE …`, `[NO] CYCLE`. */
export function sequenceOptionClauses(options: SequenceOptions): readonly string[] {
  return [
    `START WITH ${options.start}`,
    `INCREMENT BY ${options.increment}`,
    `MINVALUE ${options.minValue}`,
    `MAXVALUE ${options.maxValue}`,
    `CACHE ${options.cache}`,
    options.cycle ? "CYCLE" : "NO CYCLE",
  ];
}

/** The options as CREATE SEQUENCE takes them, `AS type` first when asked. */
export function sequenceOptionsSql(options: SequenceOptions, { withType }: { readonly withType: boolean }): string {
  return [...(withType ? [`AS ${options.dataType}`] : []), ...sequenceOptionClauses(options)].join(" ");
}

/**
 * The name PostgreSQL gives a serial column's sequence: `table_column_seq`, the longer of the two
 * names cut first until it fits in 63 bytes (makeObjectName). A name taken already would get a
 * number; tidemark assumes the usual name.
 */
export function serialSequenceName(table: string, column: string): string {
  const encoder = new TextEncoder();
  let tableChars = [...table];
  let columnChars = [...column];
  const bytes = (chars: string[]) => encoder.encode(chars.join("")).length;
  const available = 63 - "_seq".length - 1;
  while (bytes(tableChars) + bytes(columnChars) > available) {
    if (bytes(tableChars) > bytes(columnChars)) tableChars = tableChars.slice(0, -1);
    else columnChars = columnChars.slice(0, -1);
  }
  return `${tableChars.join("")}_${columnChars.join("")}_seq`;
}
