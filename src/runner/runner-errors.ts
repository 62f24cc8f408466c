import { isConnectionLoss } from "../driver/connection-loss.js";
import { TidemarkError } from "../errors/tidemark-error.js";
import type { QualifiedName } from "../ir/qualified-name.js";
import { quoteQualified } from "../ir/quote.js";

/** Another process holds the migration lock for longer than we were told to wait. */
export class LockTimeoutError extends TidemarkError {
  readonly hint = "Wait for the other deploy to finish, or wait longer with --lock-timeout <seconds>.";
  readonly target: string;
  readonly waitedMs: number;

  constructor(target: string, waitedMs: number) {
    super(`Another tidemark process holds the migration lock on ${target} (waited ${Math.round(waitedMs / 1000)} s)`);
    this.target = target;
    this.waitedMs = waitedMs;
  }
}

/** tidemark's own tables could not be created: usually a role without the right privileges. */
export class VersionTablesError extends TidemarkError {
  readonly hint =
    "The role needs CREATE on the schema (and on the database if the schema is missing); create the tables once as an owner, or set versionTable/historyTable in the config to a schema the role owns.";
  readonly tables: { readonly version: QualifiedName; readonly history: QualifiedName };

  constructor(tables: { readonly version: QualifiedName; readonly history: QualifiedName }, cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(
      `Cannot create tidemark's tables ${quoteQualified(tables.version.schema, tables.version.name)} and ` +
        `${quoteQualified(tables.history.schema, tables.history.name)}: ${detail}`,
      { cause },
    );
    this.tables = tables;
  }
}

/** The version table lost a row between reading and writing it: someone edited it meanwhile. */
export class VersionRowMissingError extends TidemarkError {
  readonly hint = "Check the version table with `tidemark current`, then set it right with `tidemark stamp <rev>`.";
  readonly table: QualifiedName;
  readonly revision: string;

  constructor(table: QualifiedName, revision: string, cause?: unknown) {
    super(`The version table ${quoteQualified(table.schema, table.name)} has no row '${revision}' to move on from`, cause === undefined ? undefined : { cause });
    this.table = table;
    this.revision = revision;
  }
}

/** `db.inspect()` asked about a schema tidemark does not read. */
export class UnmanagedSchemaError extends TidemarkError {
  readonly hint = "Add the schema to the config's schemaFilter, or query the catalog with db.query().";
  readonly object: string;
  readonly managed: readonly string[];

  constructor(object: string, managed: readonly string[]) {
    super(`db.inspect() cannot answer about '${object}': tidemark reads only the schemas ${managed.join(", ")}`);
    this.object = object;
    this.managed = managed;
  }
}

/** A migration that was applied has been edited since. */
export class ChecksumMismatchError extends TidemarkError {
  readonly hint =
    "Restore the file as it was applied and put the change in a new revision; or, if the edit changes nothing that ran, set onChecksumMismatch: 'warn' in the config.";
  readonly revisions: readonly { readonly revision: string; readonly file: string }[];

  constructor(revisions: readonly { readonly revision: string; readonly file: string }[]) {
    const names = revisions.map((entry) => `${entry.revision} (${entry.file})`).join(", ");
    super(`Applied migration${revisions.length === 1 ? " was" : "s were"} edited after being applied: ${names}`);
    this.revisions = revisions;
  }
}

/** A migration's statement failed; its transaction was rolled back (unless it had none). */
export class MigrationFailedError extends TidemarkError {
  readonly hint: string;
  readonly revision: string;
  readonly file: string;
  readonly direction: "up" | "down";
  readonly statement: string | null;
  readonly detail: string;
  /** Whether what the migration had done before the failure was rolled back. */
  readonly rolledBack: boolean;
  /** Outside a transaction: the statements that ran before the failing one, and stay applied. */
  readonly leftApplied: readonly string[];

  constructor(args: {
    readonly revision: string;
    readonly file: string;
    readonly direction: "up" | "down";
    readonly statement: string | null;
    readonly detail: string;
    readonly rolledBack: boolean;
    readonly leftApplied: readonly string[];
    readonly cause: unknown;
  }) {
    const where = args.statement === null ? "" : ` at statement: ${abbreviate(args.statement)}`;
    super(`Migration ${args.revision} (${args.file}) failed in ${args.direction}()${where}: ${args.detail}`, { cause: args.cause });
    this.revision = args.revision;
    this.file = args.file;
    this.direction = args.direction;
    this.statement = args.statement;
    this.detail = args.detail;
    this.rolledBack = args.rolledBack;
    this.leftApplied = args.leftApplied;
    this.hint = !args.rolledBack
      ? leftAppliedHint(args.leftApplied)
      : isConnectionLoss(args.cause)
        ? "The connection was lost (the server, or an administrator, ended it): run `tidemark current` to see where the database is (a COMMIT the server received counts), then run the command again."
        : "Its transaction was rolled back (with any migrations that shared it under --tx-mode all) and the version is where it was: fix the migration and run again.";
  }
}

/** A migration that ran outside a transaction is applied, but writing its version failed. */
export class MigrationNotRecordedError extends TidemarkError {
  readonly hint: string;
  readonly revision: string;
  readonly file: string;

  constructor(revision: string, file: string, rowsAfter: readonly string[], cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(`Migration ${revision} (${file}) ran outside a transaction and is applied, but its version could not be recorded: ${detail}`, { cause });
    this.revision = revision;
    this.file = file;
    this.hint = `Record it by hand once the database answers: \`tidemark stamp ${rowsAfter.join(" ") || "base"}\`.`;
  }
}

/** A migration file could not be imported, or does not export what a migration must. */
export class MigrationLoadError extends TidemarkError {
  readonly hint = "Fix the migration file so that it imports cleanly and exports revision, up and down.";
  readonly file: string;
  readonly detail: string;

  constructor(file: string, detail: string, cause?: unknown) {
    super(`Cannot load migration ${file}: ${detail}`, { cause });
    this.file = file;
    this.detail = detail;
  }
}

/** `query()` or `inspect()` in a migration rendered as offline SQL. */
export class OfflineUnsupportedError extends TidemarkError {
  readonly hint = "Run this migration online (without --sql), or guard the read with a check that it can be skipped offline.";
  readonly revision: string;
  readonly what: string;

  constructor(revision: string, what: string) {
    super(`Migration ${revision} calls db.${what}(), which needs a live database and cannot be rendered as offline SQL`);
    this.revision = revision;
    this.what = what;
  }
}

function leftAppliedHint(statements: readonly string[]): string {
  const applied = statements.length === 0
    ? "no statement of it had run"
    : `the statements before the failing one stay applied (${statements.map(abbreviate).join("; ")})`;
  return `It ran outside a transaction: ${applied}, and the version is unchanged; repair by hand, then run again.`;
}

/** One line, at most 200 characters, with any PASSWORD '...' masked (CREATE ROLE in a migration). */
function abbreviate(sql: string): string {
  const line = sql.replace(/\s+/g, " ").trim().replace(/(PASSWORD\s+)(E?'(?:[^']|'')*')/gi, "$1'***'");
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}
