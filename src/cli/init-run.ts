import { initProject, type InitResult } from "../commands/init-project.js";
import { GITIGNORE_LINE } from "../commands/init-templates.js";
import type { CommandContext } from "./command-spec.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { UsageError } from "./usage-error.js";

/** `tidemark init`: see initCommand for its options. */
export async function runInit(context: CommandContext): Promise<ExitCode> {
  if (context.positionals.length > 0) throw new UsageError(`Unexpected argument '${context.positionals[0] ?? ""}'.`, "init");
  if (context.values["config"] !== undefined) throw new UsageError("init writes generator.config.ts in this folder: --config does not apply.", "init");
  context.out.print(initReport(await initProject(context.cwd)));
  return EXIT.ok;
}

function initReport(result: InitResult): string {
  const from = result.drizzleConfig === null ? "" : ` (models, schemaFilter and casing from ${result.drizzleConfig})`;
  const wrote = result.written.map((file, i) => `Wrote ${file}${i === 0 ? from : ""}`);
  const gitignore = {
    created: [`Wrote .gitignore (${GITIGNORE_LINE}: the embedded database)`],
    appended: [`Added ${GITIGNORE_LINE} to .gitignore (the embedded database)`],
    unchanged: [],
  }[result.gitignore];
  return [...wrote, ...gitignore, "", ...nextSteps(result)].join("\n");
}

function nextSteps(result: InitResult): readonly string[] {
  const baseline = [
    "For a database that has its tables already (set DATABASE_URL or pass --url):",
    '  tidemark revision --autogenerate -m "initial schema" --from-empty',
    "  tidemark stamp head",
  ];
  if (result.drizzleMigrations !== null) {
    return [
      `Next: turn drizzle-kit's migrations into tidemark's (and mark those the database has as applied):`,
      `  tidemark import drizzle-kit ${result.drizzleMigrations}`,
    ];
  }
  return [
    "Next: write the first migration from the models, and apply it:",
    '  tidemark revision --autogenerate -m "initial schema"',
    "  tidemark upgrade head",
    ...baseline,
  ];
}
