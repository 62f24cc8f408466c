import type { Driver } from "../driver/driver.js";
import type { IntrospectOptions } from "../introspect/introspect.js";
import { withMigrationLock } from "./advisory-lock.js";
import { executeSteps, type ExecutedStep, type TxMode } from "./execute-steps.js";
import type { MigrationLoader } from "./load-migration.js";
import { appliedSet, planDowngrade, planStamp, planUpgrade, type RevisionGraph, type Step } from "./revision-graph.js";
import { ChecksumMismatchError } from "./runner-errors.js";
import {
  appliedChecksums, ensureVersionTables, readHistory, readVersionRows, recordHistory, writeVersionRows, type VersionTables,
} from "./version-store.js";

/** Everything a run needs, resolved by the command from the config and the options. */
export interface RunContext {
  readonly driver: Driver;
  readonly graph: RevisionGraph;
  readonly tables: VersionTables;
  readonly load: MigrationLoader;
  readonly txMode: TxMode;
  readonly lockTimeoutMs: number;
  readonly onChecksumMismatch: "error" | "warn";
  readonly introspectOptions: IntrospectOptions;
  readonly onStep?: (step: ExecutedStep) => void;
  readonly onWarning?: (message: string) => void;
}

export interface RunResult {
  readonly rowsBefore: readonly string[];
  readonly rowsAfter: readonly string[];
  readonly steps: readonly ExecutedStep[];
}

export function upgrade(run: RunContext, target: string): Promise<RunResult> {
  return locked(run, (rows) => planUpgrade(run.graph, rows, target));
}

export function downgrade(run: RunContext, target: string): Promise<RunResult> {
  return locked(run, (rows) => planDowngrade(run.graph, rows, target));
}

/**
 * Marks the database as being at `targets` without running anything (adopting an existing
 * database). Every revision that enters the applied set gets a `stamp` history row with its
 * checksum, every one that leaves it a `down` row without a duration, so checksums stay right.
 */
export async function stamp(run: RunContext, targets: readonly string[], purge: boolean): Promise<RunResult> {
  return withMigrationLock(run.driver, run.tables.version, run.lockTimeoutMs, () =>
    run.driver.transaction(async (tx) => {
      await ensureVersionTables(tx, run.tables);
      const rowsBefore = await readVersionRows(tx, run.tables);
      // With --purge the rows may name revisions that no longer exist: only known ones count.
      const before = appliedSet(run.graph, purge ? rowsBefore.filter((row) => run.graph.has(row)) : rowsBefore);
      const rowsAfter = planStamp(run.graph, purge ? [] : rowsBefore, targets, purge);
      const after = appliedSet(run.graph, rowsAfter);
      await writeVersionRows(tx, run.tables, rowsBefore, rowsAfter);
      // Leaving newest first, entering oldest first, as downgrade and upgrade would have run them.
      const left = [...run.graph.sorted([...before].filter((revision) => !after.has(revision)))].reverse();
      const entered = run.graph.sorted([...after].filter((revision) => !before.has(revision)));
      const moved = [
        ...left.map((revision) => ({ revision, direction: "down" as const })),
        ...entered.map((revision) => ({ revision, direction: "stamp" as const })),
      ];
      for (const { revision, direction } of moved) {
        const meta = run.graph.get(revision);
        await recordHistory(tx, run.tables, { revision, direction, checksum: meta.checksum, message: meta.message, durationMs: null });
      }
      return { rowsBefore, rowsAfter, steps: [] };
    }),
  );
}

async function locked(run: RunContext, plan: (rows: readonly string[]) => readonly Step[]): Promise<RunResult> {
  return withMigrationLock(run.driver, run.tables.version, run.lockTimeoutMs, async () => {
    const rowsBefore = await run.driver.transaction(async (tx) => {
      await ensureVersionTables(tx, run.tables);
      return readVersionRows(tx, run.tables);
    });
    await verifyChecksums(run, rowsBefore);
    const planned = plan(rowsBefore);
    const steps = await executeSteps(planned, run);
    return { rowsBefore, rowsAfter: planned.at(-1)?.rowsAfter ?? rowsBefore, steps };
  });
}

/** Refuses (or warns, by config) when a migration that was applied has been edited since. */
async function verifyChecksums(run: RunContext, rows: readonly string[]): Promise<void> {
  const recorded = appliedChecksums(await readHistory(run.driver, run.tables));
  const edited = [...appliedSet(run.graph, rows)]
    .map((revision) => run.graph.get(revision))
    .filter((meta) => {
      const checksum = recorded.get(meta.revision);
      return checksum !== undefined && checksum !== null && checksum !== meta.checksum;
    })
    .map((meta) => ({ revision: meta.revision, file: meta.file }));
  if (edited.length === 0) return;
  const error = new ChecksumMismatchError(edited);
  if (run.onChecksumMismatch === "error") throw error;
  run.onWarning?.(error.message);
}
