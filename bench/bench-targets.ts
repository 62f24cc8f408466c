/** The targets of issue 8 that `npm run bench` can judge, each PASS or MISS (or not measured). */
import { divide, markdownTable, ratio } from "./bench-format.js";
import { growthMeasures, type SizeResult } from "./size-result.js";

export interface TargetVerdict {
  readonly target: string;
  readonly measured: string;
  /** Null when the sizes it needs were not run. */
  readonly pass: boolean | null;
}

const notMeasured = (target: string, why: string): TargetVerdict => ({ target, measured: why, pass: null });

function ratioTarget(target: string, value: number | null, pass: (value: number) => boolean): TargetVerdict {
  return value === null ? notMeasured(target, "n/a") : { target, measured: ratio(value), pass: pass(value) };
}

function at500(result: SizeResult | undefined): readonly TargetVerdict[] {
  const server = "revision --autogenerate, 500 tables, one column, server: ≤ 0.7× drizzle-kit generate";
  const embedded = "revision --autogenerate, 500 tables, one column, embedded (unchanged database): ≤ 1× drizzle-kit generate";
  const afterUpgrade = "revision --autogenerate, 500 tables, one column, embedded (right after upgrade head): ≤ 1× drizzle-kit generate";
  const pull = "introspection at 500 tables: ≥ 50× faster than drizzle-kit pull";
  if (result === undefined) return [server, embedded, afterUpgrade, pull].map((target) => notMeasured(target, "500 not run"));
  const generate = result.drizzleKit.generateOneColumn.wallMs;
  const pulled = result.drizzleKit.pull;
  return [
    ratioTarget(server, divide(result.tidemark.revisionServer.wallMs, generate), (value) => value <= 0.7),
    ratioTarget(embedded, divide(result.tidemark.revisionEmbedded.wallMs, generate), (value) => value <= 1),
    ratioTarget(afterUpgrade, divide(result.tidemark.revisionEmbeddedAfterUpgrade.wallMs, generate), (value) => value <= 1),
    pulled === null
      ? notMeasured(pull, "pull not run (BENCH_PULL=0)")
      : { target: pull, measured: `${ratio(pulled.wallMs / result.stages.ms.introspection)} faster`, pass: pulled.wallMs / result.stages.ms.introspection >= 50 },
  ];
}

function statementCount(results: readonly SizeResult[]): TargetVerdict {
  const target = "introspection: the same number of catalog statements at every size";
  const counts = results.flatMap((result) => [result.stages.statements.server, result.stages.statements.embedded]);
  return { target, measured: results.map((r) => `${r.tables}: ${r.stages.statements.server} / ${r.stages.statements.embedded}`).join("; "), pass: new Set(counts).size === 1 };
}

function growth(from: SizeResult | undefined, to: SizeResult | undefined): readonly TargetVerdict[] {
  if (from === undefined || to === undefined) return [notMeasured("growth: time at 2,000 tables ≤ 4.5× time at 500", "500 or 2,000 not run")];
  const before = growthMeasures(from);
  const after = growthMeasures(to);
  return Object.entries(after).map(([measure, ms]) =>
    ratioTarget(`growth 500 → 2,000, ${measure}: ≤ 4.5×`, divide(ms, before[measure] ?? null), (value) => value <= 4.5),
  );
}

function memory(result: SizeResult | undefined): readonly TargetVerdict[] {
  const label = (what: string) => `peak memory at 2,000 tables, ${what}: ≤ 3× drizzle-kit generate's`;
  if (result === undefined) return [notMeasured(label("revision --autogenerate"), "2,000 not run")];
  const theirs = result.drizzleKit.generateOneColumn.peakKiB;
  return [
    ratioTarget(label("revision --autogenerate (server)"), divide(result.tidemark.revisionServer.peakKiB, theirs), (value) => value <= 3),
    ratioTarget(label("revision --autogenerate (embedded)"), divide(result.tidemark.revisionEmbedded.peakKiB, theirs), (value) => value <= 3),
  ];
}

export function judgeTargets(results: readonly SizeResult[]): readonly TargetVerdict[] {
  const bySize = (tables: number) => results.find((result) => result.tables === tables);
  return [...at500(bySize(500)), statementCount(results), ...growth(bySize(500), bySize(2000)), ...memory(bySize(2000))];
}

export function targetsTable(verdicts: readonly TargetVerdict[]): string {
  const verdict = (pass: boolean | null) => (pass === null ? "not measured" : pass ? "PASS" : "MISS");
  return markdownTable(["target", "measured", "verdict"], verdicts.map((v) => [v.target, v.measured, verdict(v.pass)]));
}
