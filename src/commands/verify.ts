import type { Config } from "../config/config.js";
import type { Driver } from "../driver/driver.js";
import { TidemarkError } from "../errors/tidemark-error.js";
import { NoModelsError } from "../model/model-errors.js";
import type { MigrationMeta } from "../runner/migration-meta.js";
import { upgrade, type RunContext } from "../runner/migrator.js";
import { planUpgrade } from "../runner/plan-steps.js";
import type { RevisionGraph } from "../runner/revision-graph.js";
import { ensureVersionTables, readVersionRows } from "../runner/version-store.js";
import { loadGraph } from "./load-graph.js";
import { modelsAgainstDatabase } from "./models-against-database.js";
import type { Project } from "./open-project.js";
import { resolveRevision } from "./resolve-revision.js";
import { runContext } from "./run-context.js";
import { describeShadow, withScratchDatabase } from "./scratch-database.js";
import type { HeadsCheck, ModelsCheck, Skipped, StepFailure, VerifyProgress, VerifyResult } from "./verify-result.js";
import { downgradeComparing, stepFailure, upgradeAgainComparing, upgradeRecording, type Progress } from "./verify-steps.js";

export interface VerifyOptions {
  /** Start at this revision (target syntax: an id, `head-3`, `label@head`), upgraded to in one go. */
  readonly from?: string | undefined;
  /** Called before each step and before the models are compared, for a progress line. */
  readonly onProgress?: (event: VerifyProgress) => void;
}

/**
 * The migration test suite users otherwise write by hand, on a scratch database (the project's
 * shadow URL, PGlite in memory by default): one head; upgrade from base (or `--from`) to head one
 * migration at a time, recording the schema after each; the models match the schema at head; each
 * down, newest first, gives back the schema recorded before its up; and each up, run again, gives
 * what it gave the first time. The project's own database is never touched.
 */
export async function verifyProject(project: Project, options: VerifyOptions = {}): Promise<VerifyResult> {
  const { config } = project;
  const graph = await loadGraph(config);
  const shadow = describeShadow(project.shadowUrl);
  const heads = headsCheck(graph);
  if (heads.status !== "ok") {
    return notRun({ shadow, heads, from: null }, heads.status === "none" ? "there are no migrations" : "the migrations have several heads");
  }
  const from = options.from === undefined || options.from === "base" ? null : resolveRevision(graph, options.from);
  const progress: Progress = options.onProgress ?? (() => undefined);
  return withScratchDatabase(project.shadowUrl, config.root, (driver) => verifyOn(config, graph, driver, { shadow, heads, from }, progress));
}

function headsCheck(graph: RevisionGraph): HeadsCheck {
  const heads = graph.heads();
  const [head, ...others] = heads;
  if (head === undefined) return { status: "none" };
  return others.length === 0 ? { status: "ok", head } : { status: "failed", heads };
}

type Start = Pick<VerifyResult, "shadow" | "heads" | "from">;

async function verifyOn(config: Config, graph: RevisionGraph, driver: Driver, start: Start, progress: Progress): Promise<VerifyResult> {
  const run = runContext(config, driver, graph, {});
  const begun = await startAt(run, start.from, progress);
  if ("failure" in begun) return { ...notRun(start, "the upgrade failed"), upgrade: { status: "failed", ran: [], failure: begun.failure } };
  const steps = planUpgrade(graph, begun.rows, "head");
  const revisions = steps.map((step) => step.meta);
  const up = await upgradeRecording(run, steps, progress);
  if (up.check.status !== "ok") return { ...notRun(start, "the upgrade failed"), revisions, upgrade: up.check };
  progress({ phase: "models", revision: null });
  const models = await modelsCheck(config, driver);
  const downgrade = await downgradeComparing(run, steps, up.recorded, progress);
  const again = downgrade.status === "ok" ? await upgradeAgainComparing(run, steps, up.recorded, progress) : skipped(downgradeStopped(downgrade));
  return { ...start, revisions, upgrade: up.check, models, downgrade, again };
}

/**
 * Makes the version tables and, with `--from`, upgrades to that revision in one go (not checked
 * step by step). The version rows to start from, or the failure of a migration on the way.
 */
async function startAt(
  run: RunContext,
  from: MigrationMeta | null,
  progress: Progress,
): Promise<{ readonly rows: readonly string[] } | { readonly failure: StepFailure }> {
  await run.driver.transaction((tx) => ensureVersionTables(tx, run.tables));
  if (from !== null) {
    progress({ phase: "from", revision: from });
    try {
      await upgrade(run, from.revision);
    } catch (error) {
      if (!(error instanceof TidemarkError)) throw error;
      return { failure: stepFailure(error, from, "up") };
    }
  }
  return { rows: await readVersionRows(run.driver, run.tables) };
}

/**
 * The models planned against the schema at head. A project with no model file at all has nothing
 * to compare (hand-written migrations only): skipped, and said so; a model that does not load fails.
 */
async function modelsCheck(config: Config, driver: Driver): Promise<ModelsCheck> {
  try {
    const comparison = await modelsAgainstDatabase(config, driver, { renames: config.renames, detectRenames: true });
    return { status: comparison.changes.length === 0 ? "ok" : "changes", comparison };
  } catch (error) {
    if (error instanceof NoModelsError && error.files.length === 0) return skipped(`no model file matches ${error.globs.join(", ")}`);
    if (error instanceof TidemarkError) return { status: "failed", message: error.message };
    throw error;
  }
}

function downgradeStopped(check: VerifyResult["downgrade"]): string {
  const last = "ran" in check ? check.ran.at(-1) : undefined;
  return last === undefined ? "the downgrade did not finish" : `the downgrade stopped at ${last}`;
}

function skipped(reason: string): Skipped {
  return { status: "skipped", reason };
}

/** A result whose checks after the first did not run. */
function notRun(start: Start, reason: string): VerifyResult {
  const rest = skipped(reason);
  return { ...start, revisions: [], upgrade: rest, models: rest, downgrade: rest, again: rest };
}
