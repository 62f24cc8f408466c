import { quoteQualified } from "./quote.js";

/** A schema-qualified object name, as PostgreSQL stores it (no quoting, case preserved). */
export interface QualifiedName {
  readonly schema: string;
  readonly name: string;
}

/**
 * The key of a schema-level object in the IR: its SQL spelling, each part quoted only when it must
 * be (`public.users`, `"App"."User Accounts"`). Quoting makes the key unambiguous even when a name
 * holds a dot, and keeps the common case readable.
 */
export function qualifiedKey(schema: string, name: string): string {
  return quoteQualified(schema, name);
}

export function keyOf(object: QualifiedName): string {
  return qualifiedKey(object.schema, object.name);
}

/** Just the name of a schema-level object. */
export function nameOf(object: QualifiedName): QualifiedName {
  return { schema: object.schema, name: object.name };
}
