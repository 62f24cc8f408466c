import { relative } from "node:path";
import { warningsFor } from "../codegen/change-warnings.js";
import { summarizeChange } from "../codegen/summarize-changes.js";
import { upgradeProject } from "../commands/migrate.js";
import { openProject, type Project } from "../commands/open-project.js";
import { prepareBaseline, type PreparedBaseline } from "../commands/baseline-revision.js";
import { prepareRevision, randomRevisionId, type PreparedRevision, type RevisionOptions } from "../commands/revision.js";
import { writeFileAtomic } from "../commands/write-file-atomic.js";
import type { Change } from "../diff/change.js";
import type { CommandContext } from "./command-spec.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { projectInput, stringList, stringValue } from "./option-values.js";
import { stepLine } from "./step-line.js";
import { UsageError } from "./usage-error.js";

/** `tidemark revision`: see revisionCommand for its options. */
export async function runRevision(context: CommandContext): Promise<ExitCode> {
  const message = stringValue(context.values["message"]);
  if (message === undefined || message.trim() === "") throw new UsageError("Missing -m MESSAGE.", "revision");
  if (context.positionals.length > 0) throw new UsageError(`Unexpected argument '${context.positionals[0] ?? ""}'.`, "revision");
  const fromEmpty = context.values["from-empty"] === true;
  if (fromEmpty) checkBaselineOptions(context);
  context.progress.phase("reading the config");
  const project = await openProject(projectInput(context));
  context.progress.phase(fromEmpty ? "reading the database" : context.values["autogenerate"] === true ? "loading the models, reading the database and comparing them" : "reading the migrations");
  const options = revisionOptions(context, message.trim());
  const prepared: PreparedRevision & Partial<PreparedBaseline> = fromEmpty ? await prepareBaseline(project, options) : await prepareRevision(project, options);
  const autogenerate = context.values["autogenerate"] === true;
  if (autogenerate && prepared.changes.length === 0 && context.values["allow-empty"] !== true) {
    context.out.print(fromEmpty
      ? "The database has no tables or types in the managed schemas: no baseline written. Start with `tidemark revision --autogenerate`."
      : "No changes between the models and the database: no migration written (--allow-empty writes one).");
    return EXIT.ok;
  }
  for (const name of prepared.unsupported ?? []) context.out.error(`warning: not in the baseline (tidemark does not manage it): ${name}`);
  if (context.values["sql"] === true) {
    const statements = (prepared.plan?.up ?? []).map((statement) => `${statement.sql};`);
    context.out.print(statements.length === 0 ? "-- no statements: the revision's up is empty" : statements.join("\n"));
    return EXIT.ok;
  }
  if (context.values["dry-run"] === true) {
    context.out.print(prepared.text.trimEnd());
    return EXIT.ok;
  }
  await writeFileAtomic(prepared.file, prepared.text);
  context.out.print(writtenReport(prepared, context.cwd));
  if (fromEmpty) context.out.print("Next: `tidemark stamp head` records it as applied to this database, without running it.");
  if (context.values["upgrade"] === true) await upgradeToNew(context, project, prepared.meta.revision);
  return EXIT.ok;
}

/** `--upgrade`: to the new revision itself (with --head or --splice it is not the only head). */
async function upgradeToNew(context: CommandContext, project: Project, revision: string): Promise<void> {
  context.progress.phase(`upgrading to ${revision}`);
  const result = await upgradeProject(project, revision, {
    onStep: (step) => context.out.print(stepLine(step)),
    onWarning: (message) => context.out.error(`warning: ${message}`),
  });
  context.out.print(`Upgraded: the database is at ${result.rowsAfter.join(", ")}.`);
}

/** A baseline is the first revision, made from the database alone: options about a chain or the models do not apply. */
function checkBaselineOptions(context: CommandContext): void {
  if (context.values["autogenerate"] !== true) {
    throw new UsageError("--from-empty needs --autogenerate: the baseline is generated from the database.", "revision");
  }
  const conflicting = ["head", "splice", "depends-on", "rename", "no-detect-renames", "upgrade"].find((name) => context.values[name] !== undefined);
  if (conflicting === undefined) return;
  const why = conflicting === "upgrade"
    ? "its tables exist already; run `tidemark stamp head` after it"
    : "the baseline is the first revision, made from the database alone";
  throw new UsageError(`--from-empty cannot be used with --${conflicting}: ${why}.`, "revision");
}

function revisionOptions(context: CommandContext, message: string): RevisionOptions {
  const ask = context.ask;
  const detectRenames = context.values["no-detect-renames"] !== true;
  return {
    message,
    autogenerate: context.values["autogenerate"] === true,
    revId: stringValue(context.values["rev-id"]),
    head: stringValue(context.values["head"]),
    splice: context.values["splice"] === true,
    branchLabels: stringList(context.values["branch-label"]),
    dependsOn: stringList(context.values["depends-on"]),
    renames: stringList(context.values["rename"]),
    detectRenames,
    ...(ask !== undefined && detectRenames ? { confirmRename: (change: Change) => confirm(ask, change) } : {}),
    now: new Date(),
    newRevisionId: randomRevisionId,
  };
}

async function confirm(ask: (question: string) => Promise<string>, change: Change): Promise<boolean> {
  const answer = await ask(`Inferred: ${summarizeChange(change)}. Is it a rename? [Y/n] `);
  return !/^\s*n/i.test(answer);
}

function writtenReport(prepared: PreparedRevision, cwd: string): string {
  const warnings = warningsFor(prepared.plan, prepared.changes, prepared.notes);
  const count = prepared.changes.length;
  const what = prepared.plan === null ? "empty: write up and down by hand" : `${count} change${count === 1 ? "" : "s"}`;
  return [
    `Wrote ${relative(cwd, prepared.file)} (${what}${warnings.length ? `, ${warnings.length} to review` : ""})`,
    ...warnings.map((line) => `  WARNING: ${line}`),
  ].join("\n");
}
