import { relative } from "node:path";
import { warningsFor } from "../../codegen/change-warnings.js";
import { docComment } from "../../codegen/doc-comment.js";
import type { FormatOptions } from "../../codegen/format-options.js";
import { migrationSource, type MigrationBody } from "../../codegen/migration-source.js";
import { formatMigrationSource } from "../../codegen/render-migration.js";
import type { RevisionMetadata } from "../../codegen/revision-metadata.js";
import { summarizeChanges } from "../../codegen/summarize-changes.js";
import type { DrizzleKitMigration } from "./drizzle-kit-folder.js";
import type { ReplayedMigration } from "./replay-drizzle-kit.js";

/**
 * The text of a tidemark migration made from a drizzle-kit one, in the form `revision` writes (doc
 * comment, metadata exports, `up` and `down`), formatted by prettier: `up` runs drizzle-kit's
 * statements as they are; `down` runs the planned reverse, or throws when there is none (with a
 * WARNING saying why). It runs in one transaction, as drizzle-orm's migrator ran it. Pure.
 */
export async function renderImportedMigration(
  meta: RevisionMetadata,
  migration: DrizzleKitMigration,
  replayed: ReplayedMigration,
  options: FormatOptions,
): Promise<string> {
  const comment = docComment(meta, {
    summary: replayed.reversible ? summarizeChanges(replayed.changes) : [],
    warnings: importWarnings(replayed, migration),
  });
  const body: MigrationBody = {
    meta,
    up: migration.statements.map((sql) => ({ sql })),
    down: replayed.reversible ? replayed.plan.down : null,
    ...(replayed.reversible ? {} : { downThrows: `${migration.tag} cannot be downgraded: ${replayed.reason}. Write its down by hand.` }),
    transactional: true,
    placeholder: {
      up: "Nothing to upgrade: the drizzle-kit file holds no statement.",
      down: "Nothing to downgrade: the drizzle-kit SQL changed no schema object.",
    },
  };
  return formatMigrationSource(migrationSource(comment, body), options);
}

/** The first lines of the doc comment: the drizzle-kit file it came from, relative to the project. */
export function importedMessage(migration: DrizzleKitMigration, root: string): string {
  return `${migration.tag}\n\nImported from drizzle-kit: ${relative(root, migration.file)} (sha256 ${migration.hash.slice(0, 12)}…).`;
}

function importWarnings(replayed: ReplayedMigration, migration: DrizzleKitMigration): readonly string[] {
  if (!replayed.reversible) return [`down throws: no down could be planned for ${migration.tag}: ${replayed.reason}. Write it by hand.`];
  // The file runs in one transaction, as drizzle-orm's migrator ran it: up's hazards say nothing about that.
  const up = replayed.plan.up.map((statement) => ({ ...statement, hazards: statement.hazards.filter((hazard) => hazard !== "nonTransactional") }));
  const warnings = warningsFor({ up, down: replayed.plan.down }, replayed.changes, replayed.notes);
  if (replayed.changes.length > 0 || migration.statements.length === 0) return warnings;
  return [...warnings, "down does nothing: the SQL changes no table, type or index tidemark reads (data only?). Write a down by hand if it needs one."];
}
