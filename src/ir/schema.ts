import type { Extension, EnumType, Namespace, View } from "./objects.js";
import type { Sequence } from "./sequence.js";
import type { Table } from "./table.js";

/**
 * A database schema as tidemark understands it: what the model loader builds from drizzle
 * definitions and the introspector reads from a catalog, so the differ can compare the two.
 *
 * Readonly and JSON-safe (no bigint, no Map, no undefined). Schema-level objects are keyed by
 * `qualifiedKey(schema, name)`; namespaces and extensions, which are database-wide, by name.
 */
export interface Schema {
  readonly namespaces: Readonly<Record<string, Namespace>>;
  readonly extensions: Readonly<Record<string, Extension>>;
  readonly enums: Readonly<Record<string, EnumType>>;
  readonly sequences: Readonly<Record<string, Sequence>>;
  readonly tables: Readonly<Record<string, Table>>;
  readonly views: Readonly<Record<string, View>>;
}

export const EMPTY_SCHEMA: Schema = Object.freeze({
  namespaces: {},
  extensions: {},
  enums: {},
  sequences: {},
  tables: {},
  views: {},
});
