import { downgradeProject, upgradeProject } from "../commands/migrate.js";
import { offlineDowngradeSql, offlineUpgradeSql } from "../commands/offline.js";
import { openProject } from "../commands/open-project.js";
import type { ExecutedStep, TxMode } from "../runner/execute-steps.js";
import type { RunResult } from "../runner/migrator.js";
import type { CommandContext } from "./command-spec.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { formatOption, onePositional, projectInput, secondsOption } from "./option-values.js";
import { stepLine } from "./step-line.js";
import { UsageError } from "./usage-error.js";

const TX_MODES: readonly TxMode[] = ["each", "all", "none"];

/** `tidemark upgrade` and `tidemark downgrade`: see upgradeCommand for their options. */
export async function runMigrations(context: CommandContext, name: "upgrade" | "downgrade"): Promise<ExitCode> {
  const target = onePositional(context, name, "target revision", name === "upgrade" ? "head" : undefined);
  const format = formatOption(context, name, ["text", "json"] as const);
  const txMode = TX_MODES.find((mode) => mode === context.values["tx-mode"]);
  if (txMode === undefined) throw new UsageError(`Unknown --tx-mode '${String(context.values["tx-mode"])}': use each, all or none.`, name);
  context.progress.phase("reading the config");
  const project = await openProject(projectInput(context));
  context.progress.phase(`reading the migrations, then ${name === "upgrade" ? "upgrading" : "downgrading"} to ${target}`);
  if (context.values["sql"] === true) {
    const sql = (name === "upgrade" ? offlineUpgradeSql : offlineDowngradeSql)(project.config, target, txMode);
    context.out.print((await sql).trimEnd());
    return EXIT.ok;
  }
  const lockTimeoutMs = secondsOption(context, name, "lock-timeout");
  const options = {
    txMode,
    ...(lockTimeoutMs === undefined ? {} : { lockTimeoutMs }),
    ...(format === "text" ? { onStep: (step: ExecutedStep) => context.out.print(stepLine(step)) } : {}),
    onWarning: (message: string) => context.out.error(`warning: ${message}`),
  };
  const run = name === "upgrade" ? upgradeProject : downgradeProject;
  const result = await run(project, target, options);
  context.out.print(format === "json" ? JSON.stringify(resultJson(result), null, 2) : resultLine(result));
  return EXIT.ok;
}

function resultLine(result: RunResult): string {
  const at = result.rowsAfter.length === 0 ? "base" : result.rowsAfter.join(", ");
  if (result.steps.length === 0) return `Nothing to do: the database is at ${at}.`;
  const total = result.steps.reduce((sum, step) => sum + step.durationMs, 0);
  const count = `${result.steps.length} migration${result.steps.length === 1 ? "" : "s"}`;
  return `Ran ${count} in ${total} ms; the database is at ${at}.`;
}

function resultJson(result: RunResult): Record<string, unknown> {
  return { before: result.rowsBefore, after: result.rowsAfter, migrations: result.steps };
}
