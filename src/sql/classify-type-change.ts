import type { ColumnType } from "../ir/column.js";
import { catalogCast, KNOWN_TYPES, type CastContext } from "./builtin-casts.js";
import { parseSqlType, type SqlType } from "./sql-type.js";
import type { Hazard } from "./statement.js";
import { STRING_TYPES, typeFit, type Fit } from "./type-fit.js";

/**
 * - `safe`: PostgreSQL converts by itself (no USING) and every value fits: a widening.
 * - `risky`: PostgreSQL converts by itself, but a value may not fit (the statement fails), may be
 *   read differently (time zones), or may silently change (rounding): a narrowing.
 * - `cast`: PostgreSQL converts only when told to (`USING col::type`), and a value may fail.
 * - `noCast`: PostgreSQL has no cast: the author must write the USING expression.
 */
export type TypeChangeClass = "safe" | "risky" | "cast" | "noCast";

export interface TypeChangeClassification {
  readonly class: TypeChangeClass;
  /** Values may change without the statement failing (rounding, truncation, dropped JSON keys). */
  readonly lossy: boolean;
  /** The table is rewritten (or scanned): false only where PostgreSQL just updates the catalog. */
  readonly rewrite: boolean;
}

/** How PostgreSQL gets from one type to the other: by itself (with or without work), when told, or not at all. */
type Path = { readonly context: CastContext | "none"; readonly binary: boolean };

/** Classifies the change of a column's type from `from` to `to` (both as the IR spells them). */
export function classifyTypeChange(from: ColumnType, to: ColumnType): TypeChangeClassification {
  if (from.sql === to.sql) return { class: "safe", lossy: false, rewrite: false };
  const [source, target] = [parseSqlType(from), parseSqlType(to)];
  const path = conversionPath(source, target);
  const fit: Fit = source.array === target.array ? typeFit(source, target) : arrayToScalarFit(target);
  const lossy = fit === "lossy";
  if (path.context === "none") return { class: "noCast", lossy: false, rewrite: true };
  if (path.context === "explicit") return { class: "cast", lossy, rewrite: true };
  if (fit !== "lossless") return { class: "risky", lossy, rewrite: true };
  return { class: "safe", lossy: false, rewrite: !catalogOnly(source, target, path) };
}

/** An array to or from a scalar: only its text form into an unbounded string type always fits. */
function arrayToScalarFit(target: SqlType): Fit {
  return !target.array && STRING_TYPES.has(target.base) && target.modifiers.length === 0 ? "lossless" : "mayFail";
}

/** The hazards of a type change of that class. */
export function typeChangeHazards(classification: TypeChangeClassification): readonly Hazard[] {
  const lock: readonly Hazard[] = classification.rewrite ? ["heavyLock"] : [];
  const loss: readonly Hazard[] = classification.lossy ? ["destructive"] : [];
  switch (classification.class) {
    case "safe":
      return lock;
    case "risky":
      return ["narrowing", ...lock, ...loss];
    case "cast":
      return ["needsCast", ...lock, ...loss];
    case "noCast":
      return ["noCast", ...lock];
    default: {
      const unknown: never = classification.class;
      throw new Error(`unknown type change class ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * The catalog's cast for built-in types; any type converts to a string type by assignment and
 * from one explicitly (through its text form); arrays convert element by element, to a string
 * type by assignment and from one explicitly. For user types (enums, domains) and unknown types,
 * an explicit cast through text is assumed, which is how the planner writes their USING.
 */
function conversionPath(source: SqlType, target: SqlType): Path {
  if (source.array !== target.array) {
    if (!target.array && STRING_TYPES.has(target.base)) return { context: "assignment", binary: false };
    if (!source.array && STRING_TYPES.has(source.base)) return { context: "explicit", binary: false };
    return { context: "none", binary: false };
  }
  if (source.base === target.base) return { context: "assignment", binary: false };
  const cast = catalogCast(source.base, target.base);
  if (cast !== null) return cast;
  if (STRING_TYPES.has(target.base)) return { context: "assignment", binary: false };
  if (STRING_TYPES.has(source.base)) return { context: "explicit", binary: false };
  const known = (type: SqlType) => !type.user && KNOWN_TYPES.has(type.base);
  return known(source) && known(target) ? { context: "none", binary: false } : { context: "explicit", binary: false };
}

/**
 * Changes PostgreSQL makes without touching a row: a binary-coercible cast to an unconstrained
 * type, a longer varchar or bit varying, more numeric precision at the same scale (or none), more
 * fractional seconds. Arrays are left out (assumed rewritten).
 */
function catalogOnly(source: SqlType, target: SqlType, path: Path): boolean {
  if (source.array || target.array) return false;
  if (path.binary) return target.modifiers.length === 0;
  if (source.base !== target.base) return false;
  const [before, after] = [source.modifiers, target.modifiers];
  switch (source.base) {
    case "varchar":
    case "varbit":
      return longerOrUnbounded(before, after, Infinity);
    case "timestamp":
    case "timestamptz":
    case "time":
    case "timetz":
      return longerOrUnbounded(before, after, 6);
    case "interval":
      return source.fields === target.fields && longerOrUnbounded(before, after, 6);
    case "numeric":
      return after.length === 0 || (before.length > 0 && (after[1] ?? 0) === (before[1] ?? 0) && (after[0] ?? 0) >= (before[0] ?? 0));
    default:
      return false;
  }
}

/** No bound, or one at least the old one (or at least `most`, the largest that means anything). */
function longerOrUnbounded(before: readonly number[], after: readonly number[], most: number): boolean {
  const [old, bound] = [before[0], after[0]];
  return bound === undefined || bound >= most || (old !== undefined && bound >= old);
}
