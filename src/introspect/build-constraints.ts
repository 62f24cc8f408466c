import type {
  CheckConstraint,
  ForeignKey,
  PrimaryKey,
  ReferentialAction,
  UniqueConstraint,
} from "../ir/constraint.js";
import type { ConstraintRow } from "./catalog-rows.js";
import { UnexpectedCatalogError } from "./introspect-errors.js";

export interface TableConstraints {
  readonly primaryKey: PrimaryKey | null;
  readonly uniques: Record<string, UniqueConstraint>;
  readonly foreignKeys: Record<string, ForeignKey>;
  readonly checks: Record<string, CheckConstraint>;
}

/** Sorts one table's constraint rows into its primary key, uniques, foreign keys and checks. */
export function buildConstraints(rows: readonly ConstraintRow[]): TableConstraints {
  const result: TableConstraints = { primaryKey: null, uniques: {}, foreignKeys: {}, checks: {} };
  let primaryKey: PrimaryKey | null = null;
  for (const row of rows) {
    switch (row.type) {
      case "p":
        primaryKey = { name: row.name, columns: row.columns };
        break;
      case "u":
        result.uniques[row.name] = {
          name: row.name,
          columns: row.columns,
          nullsNotDistinct: row.nulls_not_distinct,
          deferrable: row.deferrable,
          initiallyDeferred: row.deferred,
        };
        break;
      case "f":
        result.foreignKeys[row.name] = buildForeignKey(row);
        break;
      case "c":
        result.checks[row.name] = { name: row.name, expression: row.expression ?? "", noInherit: row.no_inherit };
        break;
      default:
        throw new UnexpectedCatalogError(describe(row), `unknown constraint type '${row.type}'`);
    }
  }
  return { ...result, primaryKey };
}

function buildForeignKey(row: ConstraintRow): ForeignKey {
  if (row.ref_schema === null || row.ref_table === null || row.ref_columns === null) {
    throw new UnexpectedCatalogError(describe(row), "foreign key without a referenced table");
  }
  return {
    name: row.name,
    columns: row.columns,
    references: { schema: row.ref_schema, name: row.ref_table, columns: row.ref_columns },
    onDelete: referentialAction(row.on_delete, row),
    onUpdate: referentialAction(row.on_update, row),
    match: matchType(row.match_type, row),
    deferrable: row.deferrable,
    initiallyDeferred: row.deferred,
  };
}

/** pg_constraint.confdeltype / confupdtype codes. */
function referentialAction(code: string, row: ConstraintRow): ReferentialAction {
  switch (code) {
    case "a":
      return "no action";
    case "r":
      return "restrict";
    case "c":
      return "cascade";
    case "n":
      return "set null";
    case "d":
      return "set default";
    default:
      throw new UnexpectedCatalogError(describe(row), `unknown referential action '${code}'`);
  }
}

function matchType(code: string, row: ConstraintRow): ForeignKey["match"] {
  if (code === "s") return "simple";
  if (code === "f") return "full";
  throw new UnexpectedCatalogError(describe(row), `unsupported MATCH type '${code}'`);
}

function describe(row: ConstraintRow): string {
  return `constraint ${row.name} on ${row.schema}.${row.table}`;
}
