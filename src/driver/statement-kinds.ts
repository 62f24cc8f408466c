import { createHash } from "node:crypto";
import { topLevelStatements } from "../ir/sql-statements.js";

/**
 * A statement outside a transaction whose answer can be saved and given again while the database
 * is unchanged: a plain SELECT of tidemark's own (catalog and version-table reads), without the
 * functions that take locks or change state. Anything else is treated as a write.
 */
export function isPlainRead(sql: string): boolean {
  return /^\s*select\b/i.test(sql) && !/\b(pg_advisory\w*|pg_try_advisory\w*|nextval|setval|pg_sleep|txid_current|now|clock_timestamp|random)\s*\(|\bfor\s+(update|share)\b|\binto\b/i.test(sql);
}

/** A transaction that starts like this cannot write: PostgreSQL refuses every write in it. */
export function declaresReadOnly(sql: string): boolean {
  const first = sql.split(";")[0] ?? "";
  return /^\s*set\s+transaction\b/i.test(first) && /\bread\s+only\b/i.test(first) && !/\bread\s+write\b/i.test(sql);
}

/**
 * A statement that can end the transaction it runs in, or make a read-only one writable: after
 * one, neither "it rolled back" nor "it was declared READ ONLY" says that nothing was written.
 * Only a top-level statement ends it: inside a transaction block PostgreSQL refuses COMMIT from a
 * DO block or a procedure ("invalid transaction termination"), and the `END` that closes a DO
 * block's body (canonicalization sends one per copied default) is PL/pgSQL's. Text that cannot
 * be split counts as ending it.
 */
export function mayEndOrUnlock(sql: string): boolean {
  const statements = topLevelStatements(sql);
  const ends = statements === null || statements.some((statement) => /^\s*(commit|end|rollback|abort|prepare\s+transaction)\b/i.test(statement));
  return ends || /\bread\s+write\b|\btransaction_read_only\b|\bsession\s+characteristics\b/i.test(sql);
}

/** Rows that come back the same through JSON: no dates, big integers or byte arrays. */
export function jsonSafe(rows: readonly object[]): boolean {
  return rows.every(isJsonValue);
}

function isJsonValue(value: unknown): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonValue);
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value).every(isJsonValue);
  return false;
}

/** How a statement was sent: `batch` is several (its parameters) in one message. */
export type StatementKind = "query" | "execute" | "batch";

/**
 * The key of a statement: its kind, text and parameters, and, inside a transaction, the key of
 * the statement before it, since what a statement answers there depends on what ran before it.
 */
export function statementKey(previous: string | null, kind: StatementKind, sql: string, params: readonly unknown[]): string {
  return createHash("sha256").update(JSON.stringify([previous, kind, sql, params])).digest("base64url");
}

/** One statement as it was sent, kept so that it can be sent again. For a batch, `sql` is empty. */
export interface SavedStatement {
  readonly kind: StatementKind;
  readonly sql: string;
  readonly params: readonly unknown[];
}

/**
 * How a saved read was sent: a plain read or batch outside a transaction, or a transaction's
 * statements in order, declared READ ONLY (and committed) or rolled back.
 */
export type SequenceMode = "plain" | "readOnly" | "rolledBack";

export interface SavedSequence {
  readonly mode: SequenceMode;
  readonly statements: readonly SavedStatement[];
  /** How many sessions that saved their reads have not sent it since it was last sent: 0, sent by the last. */
  readonly age: number;
}

/** The key of each statement of a sequence, each chained on the one before it. */
export function sequenceKeys(statements: readonly SavedStatement[]): readonly string[] {
  const keys: string[] = [];
  for (const statement of statements) keys.push(statementKey(keys.at(-1) ?? null, statement.kind, statement.sql, statement.params));
  return keys;
}
