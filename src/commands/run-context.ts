import type { Config } from "../config/config.js";
import type { Driver } from "../driver/driver.js";
import type { ExecutedStep, TxMode } from "../runner/execute-steps.js";
import { migrationLoader } from "../runner/load-migration.js";
import type { RunContext } from "../runner/migrator.js";
import type { RevisionGraph } from "../runner/revision-graph.js";
import type { VersionTables } from "../runner/version-store.js";

/** How a run behaves, from the command line or the programmatic API. */
export interface RunOptions {
  readonly txMode?: TxMode;
  /** How long to wait for another deploy's lock. Default 60 s. */
  readonly lockTimeoutMs?: number;
  readonly onStep?: (step: ExecutedStep) => void;
  readonly onWarning?: (message: string) => void;
}

export const DEFAULT_LOCK_TIMEOUT_MS = 60_000;

export function versionTables(config: Pick<Config, "versionTable" | "historyTable">): VersionTables {
  return { version: config.versionTable, history: config.historyTable };
}

export function runContext(config: Config, driver: Driver, graph: RevisionGraph, options: RunOptions): RunContext {
  return {
    driver,
    graph,
    tables: versionTables(config),
    load: migrationLoader(),
    txMode: options.txMode ?? "each",
    lockTimeoutMs: options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS,
    onChecksumMismatch: config.onChecksumMismatch,
    introspectOptions: { schemas: config.schemaFilter, exclude: [config.versionTable, config.historyTable] },
    ...(options.onStep === undefined ? {} : { onStep: options.onStep }),
    ...(options.onWarning === undefined ? {} : { onWarning: options.onWarning }),
  };
}
