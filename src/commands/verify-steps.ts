import { TidemarkError } from "../errors/tidemark-error.js";
import { introspect } from "../introspect/introspect.js";
import { readUnmanagedObjects, unmanagedDifferences, type UnmanagedObject } from "../introspect/unmanaged-objects.js";
import type { Schema } from "../ir/schema.js";
import { executeSteps } from "../runner/execute-steps.js";
import type { MigrationMeta } from "../runner/migration-meta.js";
import type { RunContext } from "../runner/migrator.js";
import type { Step } from "../runner/plan-steps.js";
import { MigrationFailedError } from "../runner/runner-errors.js";
import { autogenerate } from "../sql/autogenerate.js";
import type { SchemaMismatch, StepFailure, StepsCheck, UpgradeCheck, VerifyProgress } from "./verify-result.js";

/** The schema at one point of the run: what tidemark manages, and the names of what it does not. */
export interface Snapshot {
  readonly schema: Schema;
  readonly unmanaged: readonly UnmanagedObject[];
}

/** Reads the scratch database's schema, leaving out the version and history tables. */
export async function snapshot(run: RunContext): Promise<Snapshot> {
  const schema = await introspect(run.driver, run.introspectOptions);
  const unmanaged = await readUnmanagedObjects(run.driver, run.introspectOptions.schemas);
  return { schema, unmanaged };
}

/**
 * The changes that take `recorded` to `found`, or null when they are the same. Both were read from
 * one database by one introspector, so they are spelled alike: an empty diff means equal.
 */
export function mismatch(revision: MigrationMeta, recorded: Snapshot, found: Snapshot): SchemaMismatch | null {
  const planned = autogenerate({ from: recorded.schema, to: found.schema });
  const unsupported = unmanagedDifferences(recorded.unmanaged, found.unmanaged);
  if (planned.changes.length === 0 && unsupported.length === 0) return null;
  return { ...planned, revision, unsupported };
}

/**
 * Runs one step on its own (its own transaction, its version rows moved), without the advisory
 * lock: a scratch database has no other user. A migration that fails is returned, not thrown;
 * anything that is not tidemark's error about a migration (a bug, a lost connection) is thrown.
 */
export async function runStep(run: RunContext, step: Step): Promise<StepFailure | null> {
  try {
    await executeSteps([step], run);
    return null;
  } catch (error) {
    if (!(error instanceof TidemarkError)) throw error;
    return stepFailure(error, step.meta, step.direction);
  }
}

/** A migration's error as a failure: the runner's names the revision; any other is the step's. */
export function stepFailure(error: TidemarkError, meta: MigrationMeta, direction: "up" | "down"): StepFailure {
  if (error instanceof MigrationFailedError) {
    return { revision: error.revision, file: error.file, direction: error.direction, statement: error.statement, message: error.detail };
  }
  return { revision: meta.revision, file: meta.file, direction, statement: null, message: error.message };
}

/** The down step that undoes an up step: the same migration, its version rows the other way. */
export function undoStep(step: Step): Step {
  return { meta: step.meta, direction: "down", rowsBefore: step.rowsAfter, rowsAfter: step.rowsBefore };
}

export type Progress = (event: VerifyProgress) => void;

/**
 * Upgrades one step at a time and records the schema before the first and after each:
 * `recorded[i]` is the schema before step i, `recorded[steps.length]` the schema at head.
 */
export async function upgradeRecording(
  run: RunContext,
  steps: readonly Step[],
  progress: Progress,
): Promise<{ readonly check: UpgradeCheck; readonly recorded: readonly Snapshot[] }> {
  const recorded = [await snapshot(run)];
  const ran: string[] = [];
  for (const step of steps) {
    progress({ phase: "up", revision: step.meta });
    ran.push(step.meta.revision);
    const failure = await runStep(run, step);
    if (failure !== null) return { check: { status: "failed", ran, failure }, recorded };
    recorded.push(await snapshot(run));
  }
  return { check: { status: "ok", ran }, recorded };
}

/**
 * Downgrades one step at a time, newest first, and requires after each the schema recorded before
 * that migration's up. Stops at the first failure or difference.
 */
export async function downgradeComparing(run: RunContext, steps: readonly Step[], recorded: readonly Snapshot[], progress: Progress): Promise<StepsCheck> {
  const ran: string[] = [];
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = undoStep(at(steps, i));
    progress({ phase: "down", revision: step.meta });
    ran.push(step.meta.revision);
    const failure = await runStep(run, step);
    if (failure !== null) return { status: "failed", ran, failure };
    const found = mismatch(step.meta, at(recorded, i), await snapshot(run));
    if (found !== null) return { status: "changes", ran, mismatch: found };
  }
  return { status: "ok", ran };
}

/**
 * Upgrades one step at a time again, after the downgrade, and requires after each the schema the
 * first upgrade gave: an up that only works on a database that never saw its down fails here.
 */
export async function upgradeAgainComparing(run: RunContext, steps: readonly Step[], recorded: readonly Snapshot[], progress: Progress): Promise<StepsCheck> {
  const ran: string[] = [];
  for (const [i, step] of steps.entries()) {
    progress({ phase: "again", revision: step.meta });
    ran.push(step.meta.revision);
    const failure = await runStep(run, step);
    if (failure !== null) return { status: "failed", ran, failure };
    const found = mismatch(step.meta, at(recorded, i + 1), await snapshot(run));
    if (found !== null) return { status: "changes", ran, mismatch: found };
  }
  return { status: "ok", ran };
}

function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`verify: no entry ${index} of ${list.length}`);
  return item;
}
