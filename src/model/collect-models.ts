import type { PgEnum, PgMaterializedView, PgSequence, PgView } from "drizzle-orm/pg-core";
import type { EnumType, Namespace, View } from "../ir/objects.js";
import { qualifiedKey } from "../ir/qualified-name.js";
import { sameValue } from "../ir/same-value.js";
import type { Schema } from "../ir/schema.js";
import type { Sequence } from "../ir/sequence.js";
import type { Table } from "../ir/table.js";
import { convertSequenceOptions } from "./convert-sequence.js";
import { convertTable } from "./convert-table.js";
import type { Casing } from "./convert-column.js";
import { DuplicateModelError } from "./model-errors.js";
import { renderQuery } from "./render-sql.js";
import { drizzle, drizzlePgCore } from "./drizzle-runtime.js";

const { is } = drizzle;
const { getMaterializedViewConfig, getViewConfig, isPgEnum, isPgMaterializedView, isPgSequence, isPgView, PgSchema, PgTable } = drizzlePgCore;

/** The exports of one model file. */
export interface ModelModule {
  readonly file: string;
  readonly exports: Readonly<Record<string, unknown>>;
}

export interface CollectOptions {
  readonly casing: Casing;
  /** Only objects in these schemas are kept, as drizzle-kit's schemaFilter does. */
  readonly schemaFilter: readonly string[];
}

/**
 * Every exported drizzle object of the modules, converted to the IR. One definition exported twice
 * (or re-exported from another file) counts once; two different definitions with one name are an
 * error.
 * Relations and anything else that is not a table, enum, sequence, view or schema are ignored.
 */
export function collectModels(modules: readonly ModelModule[], options: CollectOptions): Schema {
  const seen = new Map<string, { readonly definition: unknown; readonly file: string }>();
  const tables: Record<string, Table> = {};
  const enums: Record<string, EnumType> = {};
  const sequences: Record<string, Sequence> = {};
  const views: Record<string, View> = {};
  const namespaces: Record<string, Namespace> = {};
  const inFilter = (schema: string) => options.schemaFilter.includes(schema);
  /** True the first time a definition is seen; the same definition again (re-exported) is fine. */
  const claim = (kind: string, definition: { readonly schema: string; readonly name: string }, file: string): boolean => {
    const key = `${kind} ${qualifiedKey(definition.schema, definition.name)}`;
    const previous = seen.get(key);
    if (previous !== undefined && !sameValue(previous.definition, definition)) {
      throw new DuplicateModelError(kind, qualifiedKey(definition.schema, definition.name), [previous.file, file]);
    }
    seen.set(key, { definition, file });
    return previous === undefined && inFilter(definition.schema);
  };
  for (const { file, exports } of modules) {
    for (const value of Object.values(exports)) {
      if (is(value, PgTable)) {
        const table = convertTable(value, options.casing);
        if (claim("table", table, file)) tables[qualifiedKey(table.schema, table.name)] = table;
      } else if (isPgEnum(value)) {
        const type = convertEnum(value);
        if (claim("enum", type, file)) enums[qualifiedKey(type.schema, type.name)] = type;
      } else if (isPgSequence(value)) {
        const sequence = convertSequence(value);
        if (claim("sequence", sequence, file)) sequences[qualifiedKey(sequence.schema, sequence.name)] = sequence;
      } else if (isPgView(value) || isPgMaterializedView(value)) {
        const view = convertView(value);
        if (view !== null && claim("view", view, file)) views[qualifiedKey(view.schema, view.name)] = view;
      } else if (is(value, PgSchema) && inFilter(value.schemaName)) {
        namespaces[value.schemaName] = { name: value.schemaName, comment: null };
      }
    }
  }
  for (const schema of options.schemaFilter) namespaces[schema] ??= { name: schema, comment: null };
  return { namespaces, extensions: {}, enums, sequences, tables, views };
}

function convertEnum(type: PgEnum<[string, ...string[]]>): EnumType {
  return { schema: type.schema ?? "public", name: type.enumName, values: [...type.enumValues], comment: null };
}

function convertSequence(sequence: PgSequence): Sequence {
  const name = sequence.seqName ?? "";
  return { schema: sequence.schema ?? "public", name, options: convertSequenceOptions(sequence.seqOptions), ownedBy: null, comment: null };
}

/** A view with its query; `.existing()` views are not tidemark's to manage. */
function convertView(view: PgView | PgMaterializedView): View | null {
  const materialized = isPgMaterializedView(view);
  const config = materialized ? getMaterializedViewConfig(view) : getViewConfig(view as PgView);
  if (config.isExisting || config.query === undefined) return null;
  return {
    schema: config.schema ?? "public",
    name: config.name,
    materialized,
    definition: renderQuery(config.query),
    indexes: {},
    comment: null,
  };
}
