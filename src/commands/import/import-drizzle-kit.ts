import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { migrationFileName } from "../../codegen/migration-file-name.js";
import { resolvePrettierOptions } from "../../codegen/prettier-options.js";
import type { RevisionMetadata } from "../../codegen/revision-metadata.js";
import { parseConnectionUrl } from "../../driver/connection-url.js";
import type { QualifiedName } from "../../ir/qualified-name.js";
import { loadGraph } from "../load-graph.js";
import { stampProject } from "../migrate.js";
import { withDatabase, type Project } from "../open-project.js";
import { MigrationsNotEmptyError } from "../starting-point-errors.js";
import { writeFilesThen, type FileToWrite } from "../write-file-atomic.js";
import { readDrizzleKitFolder, type DrizzleKitMigration } from "./drizzle-kit-folder.js";
import { lastAppliedIndex, readDrizzleHistory } from "./drizzle-kit-history.js";
import { DrizzleKitFolderError } from "./import-errors.js";
import { importedMessage, renderImportedMigration } from "./render-imported-migration.js";
import { replayDrizzleKit } from "./replay-drizzle-kit.js";

export interface ImportOptions {
  /** The drizzle-kit folder (`out`), absolute. */
  readonly folder: string;
  /** Whether to stamp the project's database from drizzle-orm's migrations table. */
  readonly stamp: boolean;
  /** That table (drizzle.config.ts's `migrations`, default `drizzle.__drizzle_migrations`). */
  readonly drizzleTable: QualifiedName;
}

/** A revision written, and the drizzle-kit migration it came from. */
export interface ImportedRevision {
  readonly revision: string;
  readonly tag: string;
  readonly file: string;
  readonly reversible: boolean;
}

/** What happened to the database: stamped at a revision, or why not. */
export type ImportStamp =
  | { readonly kind: "stamped"; readonly revision: string; readonly tag: string }
  | { readonly kind: "none applied" | "no drizzle table" | "not asked" };

export interface ImportResult {
  readonly revisions: readonly ImportedRevision[];
  readonly stamp: ImportStamp;
}

/**
 * `tidemark import drizzle-kit <folder>`: one tidemark revision per journal entry, chained in
 * journal order (ups run drizzle-kit's SQL as it is; downs are planned by replaying the chain on a
 * scratch database), then, when the database records drizzle-kit migrations as applied, the
 * version table stamped at the last of them, with history rows and no migration run. Everything
 * that can fail (the folder, the database's drizzle-kit history, the replay) is read before the
 * first file is written, and when a write or the stamp fails, the files written are removed. Refuses a migrations folder that holds revisions already.
 */
export async function importDrizzleKit(project: Project, options: ImportOptions): Promise<ImportResult> {
  const { config } = project;
  if (resolve(options.folder) === resolve(config.migrationsDir)) {
    throw new DrizzleKitFolderError(options.folder, "it is tidemark's migrations folder too: set `migrations` in generator.config.ts to another folder");
  }
  const count = (await loadGraph(config, { missingIsEmpty: true })).all().length;
  if (count > 0) throw new MigrationsNotEmptyError(config.migrationsDir, count, "import drizzle-kit", config.root);
  const migrations = await readDrizzleKitFolder(options.folder);
  if (migrations.length === 0) throw new DrizzleKitFolderError(options.folder, "its journal lists no migration");
  const applied = options.stamp ? await appliedIndex(project, migrations, options.drizzleTable) : "not asked";
  const replayed = await replayDrizzleKit(config, project.shadowUrl, migrations);
  const format = await resolvePrettierOptions(join(config.migrationsDir, "migration.ts"));
  const revisions: ImportedRevision[] = [];
  const files: FileToWrite[] = [];
  for (const [i, migration] of migrations.entries()) {
    const meta = importedMeta(migration, revisions.at(-1)?.revision ?? null, config.root);
    const file = join(config.migrationsDir, migrationFileName(meta));
    const step = replayed[i];
    if (step === undefined) throw new Error(`no replay for ${migration.tag}`);
    files.push({ file, text: await renderImportedMigration(meta, migration, step, format) });
    revisions.push({ revision: meta.revision, tag: migration.tag, file, reversible: step.reversible });
  }
  // All files or none: a failed write or a failed stamp removes the files written before it.
  const stamp = await writeFilesThen(files, () => stampApplied(project, revisions, applied));
  return { revisions, stamp };
}

/**
 * The revision id of an imported migration: the same for the same file wherever it is imported
 * (12 hex characters of a hash of its tag and text), so that two imports of one folder agree.
 */
export function importedRevisionId(migration: Pick<DrizzleKitMigration, "tag" | "hash">): string {
  return createHash("sha256").update(`drizzle-kit\0${migration.tag}\0${migration.hash}`).digest("hex").slice(0, 12);
}

function importedMeta(migration: DrizzleKitMigration, revises: string | null, root: string): RevisionMetadata {
  return { revision: importedRevisionId(migration), revises, message: importedMessage(migration, root), createdAt: new Date(migration.when) };
}

/** The journal index of the last migration the database ran, "no drizzle table", or "none applied". */
async function appliedIndex(project: Project, migrations: readonly DrizzleKitMigration[], table: QualifiedName) {
  // An embedded database that does not exist yet has nothing applied: do not create it to find out.
  const target = parseConnectionUrl(project.url, project.config.root);
  if (target.backend === "embedded" && (target.dataDir === null || !existsSync(target.dataDir))) return "no drizzle table" as const;
  const rows = await withDatabase(project, (db) => readDrizzleHistory(db, table));
  if (rows === null) return "no drizzle table" as const;
  return lastAppliedIndex(migrations, rows, table) ?? ("none applied" as const);
}

async function stampApplied(project: Project, revisions: readonly ImportedRevision[], applied: number | Exclude<ImportStamp["kind"], "stamped">): Promise<ImportStamp> {
  if (typeof applied !== "number") return { kind: applied };
  const revision = revisions[applied];
  if (revision === undefined) throw new Error(`no revision at journal index ${applied}`);
  await stampProject(project, [revision.revision], false);
  return { kind: "stamped", revision: revision.revision, tag: revision.tag };
}
