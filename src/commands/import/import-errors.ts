import { TidemarkError } from "../../errors/tidemark-error.js";
import type { QualifiedName } from "../../ir/qualified-name.js";

/** The folder given to `import drizzle-kit` is not a drizzle-kit migrations folder, or one is broken. */
export class DrizzleKitFolderError extends TidemarkError {
  readonly hint = "Give the folder `drizzle-kit generate` writes (its `out`, default `drizzle`), holding meta/_journal.json and the .sql files it lists.";
  readonly path: string;
  readonly reason: string;

  constructor(path: string, reason: string, cause?: unknown) {
    super(`Cannot import ${path}: ${reason}`, { cause });
    this.path = path;
    this.reason = reason;
  }
}

/** A drizzle-kit migration's SQL failed on the scratch database the chain is replayed on. */
export class DrizzleKitReplayError extends TidemarkError {
  readonly hint: string;
  readonly file: string;
  readonly statement: string;

  constructor(file: string, statement: string, detail: string, shadow: string, cause: unknown) {
    super(`${file} failed on ${shadow}: ${detail} (in: ${statement.split("\n")[0] ?? ""})`, { cause });
    this.file = file;
    this.statement = statement;
    this.hint = shadow.startsWith("the embedded")
      ? "If it needs what PGlite lacks (an extension, a server setting), give --shadow-url a PostgreSQL server where a scratch database can be made; else fix the file."
      : "Fix the file (drizzle-kit's migrator would fail on it too), then import again.";
  }
}

/**
 * The database's drizzle-kit migrations table records a migration the folder does not hold as
 * it was applied: a hash that matches no file, or a file edited since it ran.
 */
export class DrizzleKitHistoryMismatchError extends TidemarkError {
  readonly hint =
    "Import the drizzle-kit folder the database was migrated from (the same commit), or pass --no-stamp and run `tidemark stamp <rev>` yourself.";
  readonly table: QualifiedName;
  readonly createdAt: number;
  /** The file whose `when` matches the row, or null when none does. */
  readonly file: string | null;

  constructor(table: QualifiedName, createdAt: number, file: string | null) {
    const where = `${table.schema}.${table.name}`;
    super(
      file === null
        ? `${where} records a migration made at ${createdAt} (created_at) that the folder's journal does not list`
        : `${file} differs from the migration ${where} records as applied (created_at ${createdAt}): its sha256 does not match`,
    );
    this.table = table;
    this.createdAt = createdAt;
    this.file = file;
  }
}
