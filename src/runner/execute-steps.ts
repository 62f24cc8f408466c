import type { Driver, Queryable } from "../driver/driver.js";
import { isConnectionLoss } from "../driver/connection-loss.js";
import { TidemarkError } from "../errors/tidemark-error.js";
import { introspect, introspectWithin, type IntrospectOptions } from "../introspect/introspect.js";
import type { Schema } from "../ir/schema.js";
import type { LoadedMigration, MigrationLoader } from "./load-migration.js";
import { onlineContext, type StatementTracker } from "./migration-contexts.js";
import type { Step } from "./revision-graph.js";
import { MigrationFailedError, MigrationNotRecordedError } from "./runner-errors.js";
import { recordStep, type RecordTarget } from "./record-step.js";
import type { ExecutedStep } from "./executed-step.js";
import { runInOneMessage } from "./one-message-step.js";
import { StepTransaction } from "./step-transaction.js";
import type { VersionTables } from "./version-store.js";

export type { ExecutedStep } from "./executed-step.js";

/** `each`: a transaction per migration (default); `all`: one for the run; `none`: none at all. */
export type TxMode = "each" | "all" | "none";

export interface ExecuteOptions {
  readonly driver: Driver;
  readonly tables: VersionTables;
  readonly load: MigrationLoader;
  readonly txMode: TxMode;
  readonly introspectOptions: IntrospectOptions;
  /** Called after each migration is committed (or applied, outside a transaction). */
  readonly onStep?: (step: ExecutedStep) => void;
}

/**
 * Runs the steps in order. A migration, its version-table move and its history row commit together,
 * so a failure leaves the database at the revision before it; migrations marked `transactional:
 * false`, and every one under `none`, run outside a transaction and record their version after.
 */
export async function executeSteps(steps: readonly Step[], options: ExecuteOptions): Promise<readonly ExecutedStep[]> {
  const done: ExecutedStep[] = [];
  await options.load.prepare?.(steps.map((step) => step.meta));
  for (const group of transactionGroups(steps, options.txMode)) {
    const migrations = await Promise.all(group.steps.map((step) => options.load(step.meta)));
    const executed =
      (await runAlone(group, migrations, options)) ??
      (group.transactional ? await runInTransaction(group.steps, migrations, options) : await runOutside(group.steps, migrations, options));
    for (const step of executed) {
      done.push(step);
      options.onStep?.(step);
    }
  }
  return done;
}

/**
 * A migration in a transaction of its own whose statements are known ahead (plain-migration.ts):
 * in one message with its BEGIN, bookkeeping and COMMIT (one-message-step.ts). Undefined when it
 * cannot go that way, or went and failed, rolled back: the caller then runs it statement by
 * statement, which finds and names what failed; unless the connection is gone.
 */
async function runAlone(group: StepGroup, migrations: readonly LoadedMigration[], options: ExecuteOptions) {
  const [step, migration] = [group.steps[0], migrations[0]];
  if (!group.transactional || group.steps.length !== 1 || step === undefined || migration?.plainStatements === undefined) return undefined;
  const statements = await migration.plainStatements(step.direction);
  if (statements === undefined) return undefined;
  const sent = await runInOneMessage(options.driver, step, statements, options.tables);
  if ("executed" in sent) return [sent.executed];
  // A lost connection cannot run it again: name what was in flight, all of the message.
  if (isConnectionLoss(sent.failed)) throw failure(step, sent.failed, { statement: statements.join(";\n"), rolledBack: true, leftApplied: [] });
  return undefined;
}

/**
 * One transaction for the group, its BEGIN and COMMIT sent with its first and last statements
 * (step-transaction.ts); a failure at COMMIT (a deferred constraint) names the migration too.
 */
async function runInTransaction(steps: readonly Step[], migrations: readonly LoadedMigration[], options: ExecuteOptions) {
  const tx = new StepTransaction(options.driver);
  try {
    const executed: ExecutedStep[] = [];
    for (const [i, step] of steps.entries()) {
      const result = await runStep(tx, step, migrations[i], options, true);
      executed.push(result);
      await record({ db: tx, commit: i === steps.length - 1 }, step, options, result.durationMs);
    }
    return executed;
  } catch (error) {
    await tx.rollback();
    // A migration's own failure, or the version table's, is already named; the rest came at COMMIT.
    if (error instanceof TidemarkError) throw error;
    const last = steps.at(-1);
    if (last === undefined) throw error;
    throw failure(last, error, { statement: "COMMIT", rolledBack: true, leftApplied: [] });
  }
}

/** Each migration on the connection, its version recorded right after, in a transaction of its own. */
async function runOutside(steps: readonly Step[], migrations: readonly LoadedMigration[], options: ExecuteOptions) {
  const executed: ExecutedStep[] = [];
  for (const [i, step] of steps.entries()) {
    const result = await runStep(options.driver, step, migrations[i], options, false);
    const tx = new StepTransaction(options.driver);
    try {
      await record({ db: tx, commit: true }, step, options, result.durationMs);
    } catch (error) {
      await tx.rollback();
      throw new MigrationNotRecordedError(step.meta.revision, step.meta.file, step.rowsAfter, error);
    }
    executed.push(result);
  }
  return executed;
}

interface StepGroup {
  readonly transactional: boolean;
  readonly steps: readonly Step[];
}

/** Consecutive steps that share a transaction: one each, all the transactional ones in a row, or none. */
export function transactionGroups(steps: readonly Step[], mode: TxMode): readonly StepGroup[] {
  const groups: { transactional: boolean; steps: Step[] }[] = [];
  for (const step of steps) {
    const transactional = mode !== "none" && step.meta.transactional;
    const last = groups.at(-1);
    if (mode === "all" && transactional && last?.transactional === true) last.steps.push(step);
    else groups.push({ transactional, steps: [step] });
  }
  return groups;
}

async function runStep(
  db: Queryable,
  step: Step,
  migration: LoadedMigration | undefined,
  options: ExecuteOptions,
  inTransaction: boolean,
): Promise<ExecutedStep> {
  if (migration === undefined) throw new Error(`no loaded migration for ${step.meta.revision}`);
  const tracker: StatementTracker = { current: null, done: [] };
  const readSchema = inTransaction
    ? () => readSchemaKeepingPath(db, options.introspectOptions)
    : () => introspect(options.driver, options.introspectOptions);
  const context = onlineContext(db, readSchema, options.introspectOptions.schemas, tracker);
  const started = performance.now();
  try {
    await (step.direction === "up" ? migration.up(context) : migration.down(context));
  } catch (error) {
    throw failure(step, error, { statement: tracker.current, rolledBack: inTransaction, leftApplied: inTransaction ? [] : tracker.done });
  }
  const durationMs = Math.round(performance.now() - started);
  return { revision: step.meta.revision, direction: step.direction, message: step.meta.message, file: step.meta.file, durationMs };
}

/** The version-table move and the history row of a step, in one statement. */
async function record(target: RecordTarget, step: Step, options: ExecuteOptions, durationMs: number): Promise<void> {
  await recordStep(target, options.tables, { before: step.rowsBefore, after: step.rowsAfter }, {
    revision: step.meta.revision,
    direction: step.direction,
    checksum: step.meta.checksum,
    message: step.meta.message,
    durationMs,
  });
}

function failure(
  step: Step,
  error: unknown,
  where: { readonly statement: string | null; readonly rolledBack: boolean; readonly leftApplied: readonly string[] },
): MigrationFailedError {
  return new MigrationFailedError({
    revision: step.meta.revision,
    file: step.meta.file,
    direction: step.direction,
    detail: postgresDetail(error),
    cause: error,
    ...where,
  });
}

/** PostgreSQL's message, with its DETAIL ("Key (email)=(x) already exists") when it has one. */
function postgresDetail(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const detail = (error as Error & { detail?: unknown }).detail;
  return typeof detail === "string" && detail !== "" ? `${error.message} (${detail})` : error.message;
}

/** The introspector sets search_path for the rest of the transaction: put the migration's back. */
async function readSchemaKeepingPath(tx: Queryable, options: IntrospectOptions): Promise<Schema> {
  const [saved] = await tx.query<{ path: string }>("select current_setting('search_path') as path");
  try {
    return await introspectWithin(tx, options);
  } finally {
    await tx.query("select set_config('search_path', $1, true)", [saved?.path ?? ""]);
  }
}
