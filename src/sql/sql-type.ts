import type { ColumnType } from "../ir/column.js";
import { keyOf } from "../ir/qualified-name.js";

/** A column type taken apart: its base type, its modifiers, and whether it is an array of it. */
export interface SqlType {
  /** The `pg_type` name of a built-in type (`int4`, `varchar`, `timestamptz`), `citext`, else the type's key. */
  readonly base: string;
  /** A user-defined type other than citext (an enum, a domain, an extension's type). */
  readonly user: boolean;
  /** `(20)` → [20], `(10,2)` → [10, 2]; empty when unconstrained. */
  readonly modifiers: readonly number[];
  /** An interval's fields (`day to second`), or null. */
  readonly fields: string | null;
  readonly array: boolean;
}

/** `format_type()` spellings of the built-in types with a modifier or more than one word. */
const BUILTIN: Readonly<Record<string, string>> = {
  smallint: "int2", integer: "int4", bigint: "int8", real: "float4", "double precision": "float8", boolean: "bool",
  "character varying": "varchar", character: "bpchar", '"char"': "char", "bit varying": "varbit",
  "time without time zone": "time", "time with time zone": "timetz",
  "timestamp without time zone": "timestamp", "timestamp with time zone": "timestamptz",
};

/** Reads `format_type()`'s spelling, as the IR keeps it (`timestamp(3) with time zone`, `numeric(10,2)[]`). */
export function parseSqlType(type: ColumnType): SqlType {
  const array = type.sql.endsWith("[]");
  const element = array ? type.sql.slice(0, -2) : type.sql;
  if (type.userType !== null) {
    const citext = type.userType.name === "citext";
    return { base: citext ? "citext" : keyOf(type.userType), user: !citext, modifiers: [], fields: null, array };
  }
  const match = /^([^(]*)(?:\(([\d,\s]+)\))?(.*)$/.exec(element);
  const spelled = `${match?.[1] ?? element}${match?.[3] ?? ""}`.trim();
  const modifiers = (match?.[2] ?? "").split(",").filter((part) => part.trim() !== "").map(Number);
  if (spelled.startsWith("interval")) {
    const fields = spelled.slice("interval".length).trim();
    return { base: "interval", user: false, modifiers, fields: fields === "" ? null : fields, array };
  }
  return { base: BUILTIN[spelled] ?? spelled, user: false, modifiers, fields: null, array };
}
