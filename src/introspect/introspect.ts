import type { Queryable, Driver } from "../driver/driver.js";
import type { EnumType, Extension, Namespace, View } from "../ir/objects.js";
import { qualifiedKey, type QualifiedName } from "../ir/qualified-name.js";
import { quoteLiteral } from "../ir/quote.js";
import type { Schema } from "../ir/schema.js";
import type { Sequence } from "../ir/sequence.js";
import type { Table } from "../ir/table.js";
import { buildColumn, buildSequenceOptions } from "./build-column.js";
import { buildConstraints } from "./build-constraints.js";
import { buildIndex } from "./build-index.js";
import {
  COLUMNS_SQL, ENUMS_SQL, EXTENSIONS_SQL, NAMESPACES_SQL, RELATIONS_SQL, SEQUENCES_SQL,
  constraintsSql, indexesSql, serverFeatures,
} from "./catalog-queries.js";
import type {
  ColumnRow, ConstraintRow, EnumRow, ExtensionRow, IndexRow, NamespaceRow, RelationRow, SequenceRow,
} from "./catalog-rows.js";
import { groupBy } from "./group-by.js";

export interface IntrospectOptions {
  /** Schemas to read; objects elsewhere are not reported. */
  readonly schemas: readonly string[];
  /** Tables never reported: tidemark's own version and history tables. */
  readonly exclude: readonly QualifiedName[];
}

/** The raw catalog, read in one snapshot. */
interface CatalogRows {
  readonly namespaces: readonly NamespaceRow[];
  readonly extensions: readonly ExtensionRow[];
  readonly enums: readonly EnumRow[];
  readonly sequences: readonly SequenceRow[];
  readonly relations: readonly RelationRow[];
  readonly columns: readonly ColumnRow[];
  readonly constraints: readonly ConstraintRow[];
  readonly indexes: readonly IndexRow[];
}

/** Reads the schemas named in `options` from the database into the IR, with a fixed number of queries. */
export async function introspect(driver: Driver, options: IntrospectOptions): Promise<Schema> {
  return driver.transaction(async (tx) => {
    await tx.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    return introspectWithin(tx, options);
  });
}

/**
 * The same, inside a transaction the caller holds (to read what it has just created before it rolls
 * back). It sets `search_path` for the rest of that transaction.
 */
export async function introspectWithin(tx: Queryable, options: IntrospectOptions): Promise<Schema> {
  const rows = await readCatalog(tx, options.schemas);
  const excluded = new Set(options.exclude.map((table) => qualifiedKey(table.schema, table.name)));
  return assemble(rows, excluded);
}

async function readCatalog(tx: Queryable, schemas: readonly string[]): Promise<CatalogRows> {
  // Names printed schema-qualified whatever the session's search_path.
  await tx.execute("SET LOCAL search_path = pg_catalog");
  const [version] = await tx.query<{ version: number }>("select current_setting('server_version_num')::int as version");
  const features = serverFeatures(version?.version ?? 0);
  // One message for the eight reads: the server answers them all while this process goes on
  // (loading the models), where eight round trips would each wait for it to be free.
  const schemaList = `ARRAY[${schemas.map(quoteLiteral).join(", ")}]::text[]`;
  const queries = [NAMESPACES_SQL, EXTENSIONS_SQL, ENUMS_SQL, SEQUENCES_SQL, RELATIONS_SQL, COLUMNS_SQL, constraintsSql(features), indexesSql(features)];
  const [namespaces, extensions, enums, sequences, relations, columns, constraints, indexes] =
    await tx.queryBatch(queries.map((sql) => withSchemaList(sql, schemaList)));
  return {
    namespaces: namespaces as readonly NamespaceRow[],
    extensions: extensions as readonly ExtensionRow[],
    enums: enums as readonly EnumRow[],
    sequences: sequences as readonly SequenceRow[],
    relations: relations as readonly RelationRow[],
    columns: columns as readonly ColumnRow[],
    constraints: constraints as readonly ConstraintRow[],
    indexes: indexes as readonly IndexRow[],
  };
}

/** The query with its one parameter, the schema list, written in (a batch takes no parameters). */
function withSchemaList(sql: string, schemaList: string): string {
  const rest = sql.replaceAll("$1::text[]", "");
  if (/\$\d/.test(rest)) throw new Error(`a catalog query has a parameter other than the schema list: ${sql.slice(0, 80)}`);
  // A function, so that `$$` or `$'` in a schema's name is never read as a replacement pattern.
  return sql.replaceAll("$1::text[]", () => schemaList);
}

function assemble(rows: CatalogRows, excluded: ReadonlySet<string>): Schema {
  const tableKey = (row: { schema: string; table: string }) => qualifiedKey(row.schema, row.table);
  const columns = groupBy(rows.columns, tableKey);
  const constraints = groupBy(rows.constraints, tableKey);
  const indexes = groupBy(rows.indexes, tableKey);
  const tables: Record<string, Table> = {};
  const views: Record<string, View> = {};
  for (const relation of rows.relations) {
    const key = qualifiedKey(relation.schema, relation.name);
    const relationIndexes = Object.fromEntries((indexes.get(key) ?? []).map((row) => [row.name, buildIndex(row)]));
    if (relation.kind === "r") {
      if (excluded.has(key)) continue;
      tables[key] = {
        schema: relation.schema,
        name: relation.name,
        columns: (columns.get(key) ?? []).map(buildColumn),
        ...buildConstraints(constraints.get(key) ?? []),
        indexes: relationIndexes,
        comment: relation.comment,
      };
    } else {
      views[key] = {
        schema: relation.schema,
        name: relation.name,
        materialized: relation.kind === "m",
        definition: relation.definition ?? "",
        indexes: relationIndexes,
        comment: relation.comment,
      };
    }
  }
  const serialSequences = new Set(
    rows.columns
      .filter((row) => row.is_serial && row.serial_sequence_schema !== null && row.serial_sequence_name !== null)
      .map((row) => qualifiedKey(row.serial_sequence_schema ?? "", row.serial_sequence_name ?? "")),
  );
  return {
    namespaces: keyed(rows.namespaces, (row) => row.name, (row): Namespace => ({ name: row.name, comment: row.comment })),
    extensions: keyed(rows.extensions, (row) => row.name, (row): Extension => ({ ...row })),
    enums: keyed(rows.enums, (row) => qualifiedKey(row.schema, row.name), (row): EnumType => ({ ...row })),
    sequences: buildSequences(rows.sequences, serialSequences),
    tables,
    views,
  };
}

function buildSequences(rows: readonly SequenceRow[], serialSequences: ReadonlySet<string>): Record<string, Sequence> {
  const sequences: Record<string, Sequence> = {};
  for (const row of rows) {
    const key = qualifiedKey(row.schema, row.name);
    if (row.owner_deptype === "i" || serialSequences.has(key)) continue;
    const ownedBy = row.owner_deptype === "a" && row.owner_table !== null && row.owner_column !== null
      ? { table: row.owner_table, column: row.owner_column }
      : null;
    sequences[key] = {
      schema: row.schema,
      name: row.name,
      options: buildSequenceOptions(row, `sequence ${key}`),
      ownedBy,
      comment: row.comment,
    };
  }
  return sequences;
}

function keyed<Row, Value>(
  rows: readonly Row[],
  keyOf: (row: Row) => string,
  build: (row: Row) => Value,
): Record<string, Value> {
  return Object.fromEntries(rows.map((row) => [keyOf(row), build(row)]));
}
