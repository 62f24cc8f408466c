/**
 * The stages of `revision --autogenerate`, each timed in a fresh process (bench/stage-probe.ts,
 * through jiti, as the CLI runs them: cold module state, the model file freshly edited), and the
 * medians over several such processes.
 */
import { spawnSync } from "node:child_process";
import type { BenchProject } from "./bench-project.js";
import { median } from "./measure.js";
import { plainEnv } from "./peak-memory.js";
import { freshColumn } from "./tidemark-runs.js";

export const STAGES = ["model load", "introspection", "canonicalization", "diff + plan", "codegen", "introspection (embedded)"] as const;
export type Stage = (typeof STAGES)[number];

/** One probe's report: milliseconds per stage, and the statements each introspection sent. */
export interface StageReport {
  readonly ms: Readonly<Record<Stage, number>>;
  readonly statements: { readonly server: number; readonly embedded: number };
}

const JITI = new URL("../node_modules/jiti/lib/jiti-cli.mjs", import.meta.url).pathname;
const PROBE = new URL("./stage-probe.ts", import.meta.url).pathname;

/** One probe in a fresh process, after a fresh one-column edit of the models. */
export function probeStages(project: BenchProject, schemaUrl: string): StageReport {
  try {
    project.writeModels({ addedColumn: freshColumn() });
    return probeOnce(project, schemaUrl);
  } finally {
    project.writeModels({});
  }
}

function probeOnce(project: BenchProject, schemaUrl: string): StageReport {
  const result = spawnSync(process.execPath, [JITI, PROBE, project.dir, schemaUrl], { cwd: project.dir, env: plainEnv(), encoding: "utf8" });
  if (result.status !== 0) throw new Error(`stage probe exited ${String(result.status)}:\n${result.stderr}${result.stdout}`);
  return JSON.parse(result.stdout.trim().split("\n").pop() ?? "") as StageReport;
}

/** Per stage, the median over several probes; the statement counts of the first (they must not vary). */
export function medianStages(reports: readonly StageReport[]): StageReport {
  const ms = Object.fromEntries(STAGES.map((stage) => [stage, median(reports.map((report) => report.ms[stage]))])) as Record<Stage, number>;
  const [first] = reports;
  if (first === undefined) throw new Error("no stage probe ran");
  return { ms, statements: first.statements };
}
