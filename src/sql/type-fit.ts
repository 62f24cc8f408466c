import type { SqlType } from "./sql-type.js";

/**
 * How existing values fare when converted, best first: all kept; kept but read differently (time
 * zones); some may fail to convert (the statement errors, nothing is lost); some may silently change
 * (rounding, truncation, dropped duplicate JSON keys).
 */
export type Fit = "lossless" | "reinterprets" | "mayFail" | "lossy";

const ORDER: readonly Fit[] = ["lossless", "reinterprets", "mayFail", "lossy"];

export function worstFit(...fits: readonly Fit[]): Fit {
  return fits.reduce((worst, fit) => (ORDER.indexOf(fit) > ORDER.indexOf(worst) ? fit : worst), "lossless");
}

export const STRING_TYPES: ReadonlySet<string> = new Set(["text", "varchar", "bpchar", "name", "citext"]);
const INTEGERS = ["int2", "int4", "int8"];
/** Digits every value of an integer type may need, and digits whose every value it holds. */
const INTEGER_DIGITS: Readonly<Record<string, { readonly needs: number; readonly holds: number }>> = {
  int2: { needs: 5, holds: 4 }, int4: { needs: 10, holds: 9 }, int8: { needs: 19, holds: 18 },
};
const TIMES = new Set(["time", "timetz", "timestamp", "timestamptz", "interval"]);

/** Conversions between different base types whose fate is not a matter of size. */
const PAIRS: Readonly<Record<string, Fit>> = {
  "date timestamp": "lossless", "date timestamptz": "reinterprets",
  "timestamp timestamptz": "reinterprets", "timestamptz timestamp": "reinterprets",
  "timestamp date": "lossy", "timestamptz date": "lossy", "timestamp time": "lossy", "timestamptz time": "lossy",
  "timestamptz timetz": "lossy", "time interval": "lossless", "interval time": "lossy", "time timetz": "reinterprets",
  "timetz time": "lossy", "json jsonb": "lossy", "jsonb json": "lossless", "cidr inet": "lossless", "inet cidr": "lossy",
  "macaddr macaddr8": "lossless", "macaddr8 macaddr": "mayFail", "bit varbit": "lossless", "varbit bit": "mayFail",
  "bool int4": "lossless", "int4 bool": "lossy", "money numeric": "lossless", "int2 money": "lossless", "int4 money": "lossless",
  "int8 money": "mayFail", "numeric money": "lossy", "float4 float8": "lossless", "float8 float4": "lossy",
  "text char": "lossy", "varchar char": "lossy", "bpchar char": "lossy",
};

/** How values of `from` fare as `to` (the element types, for arrays). */
export function typeFit(from: SqlType, to: SqlType): Fit {
  const precision = TIMES.has(from.base) && TIMES.has(to.base) && timePrecision(to) < timePrecision(from) ? "lossy" : "lossless";
  if (from.base === to.base) return worstFit(sameTypeFit(from, to), precision);
  const pair = PAIRS[`${from.base} ${to.base}`];
  if (pair !== undefined) return worstFit(pair, precision);
  if (STRING_TYPES.has(to.base)) return stringFit(from, to);
  return numberFit(from, to) ?? "mayFail";
}

/** A change of modifiers only: a length, a precision and scale, a time precision, interval fields. */
function sameTypeFit(from: SqlType, to: SqlType): Fit {
  switch (from.base) {
    case "varchar":
    case "bpchar":
    case "varbit":
      return length(to) >= length(from) ? "lossless" : "mayFail";
    case "bit":
      return "mayFail";
    case "numeric":
      return numericFit(numericShape(from), to);
    case "interval":
      return from.fields === to.fields ? "lossless" : "lossy";
    default:
      return TIMES.has(from.base) ? "lossless" : "mayFail";
  }
}

/** The longest text form of types whose text has a known width (`-2147483648`, `false`, a uuid's 36). */
const TEXT_WIDTHS: Readonly<Record<string, number>> = { int2: 6, int4: 11, int8: 20, bool: 5, uuid: 36 };

/** Into text, varchar, char, name or citext: a bound may be too short; `name` cuts at 63 bytes. */
function stringFit(from: SqlType, to: SqlType): Fit {
  if (to.base === "name") return "lossy";
  if (length(to) === Infinity) return "lossless";
  const width = STRING_TYPES.has(from.base) ? (from.base === "text" || from.base === "citext" ? Infinity : length(from)) : TEXT_WIDTHS[from.base];
  return width !== undefined && width <= length(to) ? "lossless" : "mayFail";
}

/** Between integers, numeric, floats: null when either is not a number. */
function numberFit(from: SqlType, to: SqlType): Fit | null {
  const source = numericShape(from);
  if (source === null) return null;
  if (INTEGERS.includes(to.base)) {
    const holds = INTEGER_DIGITS[to.base]?.holds ?? 0;
    if (source.kind !== "exact") return "lossy";
    if (source.scale === null || source.scale > 0) return "lossy";
    return source.precision <= holds ? "lossless" : "mayFail";
  }
  if (to.base === "numeric") return numericFit(source, to);
  if (to.base === "float8") return source.kind === "exact" && source.scale === 0 && source.precision <= 15 ? "lossless" : "lossy";
  if (to.base === "float4") return source.kind === "exact" && source.scale === 0 && source.precision <= 6 ? "lossless" : "lossy";
  return null;
}

/** Exact numbers as numeric(precision, scale) (null for unconstrained numeric), floats as inexact. */
type NumericShape = { readonly kind: "exact"; readonly precision: number; readonly scale: number | null } | { readonly kind: "float" };

function numericShape(type: SqlType): NumericShape | null {
  const integer = INTEGER_DIGITS[type.base];
  if (integer !== undefined) return { kind: "exact", precision: integer.needs, scale: 0 };
  if (type.base === "float4" || type.base === "float8") return { kind: "float" };
  if (type.base !== "numeric") return null;
  const [precision, scale = 0] = type.modifiers;
  return precision === undefined ? { kind: "exact", precision: Infinity, scale: null } : { kind: "exact", precision, scale };
}

/** Into numeric: fewer decimals round silently, fewer integer digits fail; floats keep 15 digits. */
function numericFit(source: NumericShape | null, to: SqlType): Fit {
  const [precision, scale = 0] = to.modifiers;
  if (source === null || source.kind === "float") return "lossy";
  if (precision === undefined) return "lossless";
  if (source.scale === null || source.scale > scale) return "lossy";
  return precision - scale >= source.precision - source.scale ? "lossless" : "mayFail";
}

/** A length bound; Infinity when there is none (`bpchar` without one is unbounded too). */
function length(type: SqlType): number {
  return type.modifiers[0] ?? Infinity;
}

/** Fractional digits of seconds a time type keeps: 6 unless stated. */
function timePrecision(type: SqlType): number {
  return type.modifiers[0] ?? 6;
}
