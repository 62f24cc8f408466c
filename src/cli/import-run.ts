import { relative, resolve } from "node:path";
import { DRIZZLE_DEFAULT_MIGRATIONS_TABLE, DRIZZLE_DEFAULT_OUT, type DrizzleKitConfig } from "../config/drizzle-kit-config.js";
import { findDrizzleKitConfig, loadDrizzleKitConfig } from "../config/load-config.js";
import { importDrizzleKit, type ImportResult } from "../commands/import/import-drizzle-kit.js";
import { openProject, type Project } from "../commands/open-project.js";
import type { CommandContext } from "./command-spec.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { projectInput } from "./option-values.js";
import { UsageError } from "./usage-error.js";

/** `tidemark import`: see importCommand for its options. */
export async function runImport(context: CommandContext): Promise<ExitCode> {
  const [kind, folderArg, ...rest] = context.positionals;
  if (kind !== "drizzle-kit") {
    throw new UsageError(kind === undefined ? "Missing what to import: `tidemark import drizzle-kit <folder>`." : `Cannot import '${kind}': tidemark imports drizzle-kit folders.`, "import");
  }
  if (rest.length > 0) throw new UsageError(`Unexpected argument '${rest[0] ?? ""}'.`, "import");
  context.progress.phase("reading the config");
  const project = await openProject(projectInput(context));
  const drizzle = await drizzleConfigOf(project);
  const folder = resolve(folderArg === undefined ? project.config.root : context.cwd, folderArg ?? drizzle?.out ?? DRIZZLE_DEFAULT_OUT);
  const stamp = context.values["no-stamp"] !== true;
  context.progress.phase("replaying the drizzle-kit migrations in a scratch database");
  const result = await importDrizzleKit(project, { folder, stamp, drizzleTable: drizzle?.migrationsTable ?? DRIZZLE_DEFAULT_MIGRATIONS_TABLE });
  context.out.print(importReport(result, folder, context));
  return EXIT.ok;
}

/** The project's drizzle-kit config (the one read as its config, or the one beside it), for `out` and the migrations table. */
async function drizzleConfigOf(project: Project): Promise<DrizzleKitConfig | null> {
  const file = findDrizzleKitConfig(project.config.root);
  return file === null ? null : loadDrizzleKitConfig(file);
}

function importReport(result: ImportResult, folder: string, context: CommandContext): string {
  const shown = (file: string) => relative(context.cwd, file) || ".";
  const lines = result.revisions.map(
    (revision) => `Wrote ${shown(revision.file)}${revision.reversible ? "" : " (WARNING: no down could be planned: it throws)"}`,
  );
  lines.push(`Imported ${result.revisions.length} drizzle-kit migration${result.revisions.length === 1 ? "" : "s"} from ${shown(folder)}.`);
  const { stamp } = result;
  switch (stamp.kind) {
    case "stamped":
      lines.push(`Stamped: the database is at ${stamp.revision} (${stamp.tag}, the last migration drizzle-kit applied); no migration was run.`);
      break;
    case "none applied":
      lines.push("Nothing stamped: the database's drizzle-kit table records no migration. Run `tidemark upgrade head` to apply them.");
      break;
    case "no drizzle table":
      lines.push("Nothing stamped: the database has no drizzle-kit migrations table. Run `tidemark upgrade head` to apply them.");
      break;
    case "not asked":
      lines.push("Nothing stamped (--no-stamp): run `tidemark stamp <rev>` to mark what the database has.");
      break;
    default: {
      const unknown: never = stamp;
      throw new Error(`unknown stamp ${JSON.stringify(unknown)}`);
    }
  }
  lines.push("Run `tidemark verify` to test every up and down, and `tidemark check` to compare the models with the migrations.");
  return lines.join("\n");
}
