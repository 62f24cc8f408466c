/**
 * One size of `npm run bench`: the project and databases set up, then rounds in which every
 * measure runs once (tidemark and drizzle-kit interleaved, so that a busy moment on the shared
 * machine falls on both), medians over the rounds, and `drizzle-kit pull` once at the pull size.
 */
import type { BenchSettings } from "./bench-settings.js";
import { withBenchDatabases } from "./bench-databases.js";
import { benchProject, type BenchProject } from "./bench-project.js";
import type { CliSnapshot } from "./cli-snapshot.js";
import { generateFromScratch, generateOneColumn, pullOnce } from "./drizzle-kit-runs.js";
import { summarize, type Measured } from "./measure.js";
import type { CommandRun } from "./peak-memory.js";
import type { SizeResult } from "./size-result.js";
import { medianStages, probeStages, type StageReport } from "./stage-runs.js";
import { checkUnchanged, revisionAfterUpgrade, revisionFromScratch, revisionOneColumn, revisionOneColumnFirstRead, setUpMigrations } from "./tidemark-runs.js";

type CliMeasure =
  | "revisionServer" | "revisionEmbedded" | "revisionEmbeddedFirstRead" | "revisionEmbeddedAfterUpgrade" | "upgradeOneEmbedded"
  | "revisionFromScratch" | "check" | "generateFromScratch" | "generateOneColumn";

function log(message: string): void {
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

type Step = () => readonly (readonly [CliMeasure, CommandRun])[];

/** The CLI measures of one round, in the order they run (drizzle-kit's from-scratch run makes the one-column baseline). */
function roundSteps(project: BenchProject, urls: { readonly schemaUrl: string; readonly emptyUrl: string }): readonly Step[] {
  const one = (measure: CliMeasure, run: () => CommandRun): Step => () => [[measure, run()]];
  return [
    one("check", () => checkUnchanged(project)),
    one("revisionServer", () => revisionOneColumn(project, urls.schemaUrl)),
    one("generateFromScratch", () => generateFromScratch(project)),
    one("revisionEmbeddedFirstRead", () => revisionOneColumnFirstRead(project)),
    one("revisionEmbedded", () => revisionOneColumn(project, undefined)),
    () => {
      const { upgrade, revision } = revisionAfterUpgrade(project);
      return [["upgradeOneEmbedded", upgrade], ["revisionEmbeddedAfterUpgrade", revision]];
    },
    one("generateOneColumn", () => generateOneColumn(project)),
    one("revisionFromScratch", () => revisionFromScratch(project, urls.emptyUrl)),
  ];
}

async function measureIn(project: BenchProject, settings: BenchSettings, urls: { readonly schemaUrl: string; readonly emptyUrl: string }): Promise<SizeResult> {
  const setupStart = performance.now();
  setUpMigrations(project, urls.schemaUrl);
  const setupMs = performance.now() - setupStart;
  log(`${project.tables} tables: migrations written and applied in ${Math.round(setupMs)} ms`);
  const samples = new Map<CliMeasure, CommandRun[]>();
  const reports: StageReport[] = [];
  for (let round = 1; round <= settings.runsAt(project.tables); round += 1) {
    for (const step of roundSteps(project, urls)) {
      for (const [measure, run] of step()) {
        samples.set(measure, [...(samples.get(measure) ?? []), run]);
        log(`${project.tables} tables, round ${round}: ${measure} ${Math.round(run.wallMs)} ms, ${run.peakKiB ?? "?"} KiB`);
      }
    }
    reports.push(probeStages(project, urls.schemaUrl));
    log(`${project.tables} tables, round ${round}: stages ${JSON.stringify(reports.at(-1)?.ms)}`);
  }
  const of = (measure: CliMeasure): Measured => summarize(samples.get(measure) ?? []);
  let pull: Measured | null = null;
  if (settings.pull && project.tables === settings.pullSize) {
    log(`${project.tables} tables: drizzle-kit pull (once; BENCH_PULL=0 skips it)`);
    pull = summarize([pullOnce(project)]);
    log(`${project.tables} tables: pull ${Math.round(pull.wallMs)} ms, ${pull.peakKiB ?? "?"} KiB`);
  }
  return {
    tables: project.tables,
    stages: medianStages(reports),
    tidemark: {
      revisionServer: of("revisionServer"),
      revisionEmbedded: of("revisionEmbedded"),
      revisionEmbeddedFirstRead: of("revisionEmbeddedFirstRead"),
      revisionEmbeddedAfterUpgrade: of("revisionEmbeddedAfterUpgrade"),
      upgradeOneEmbedded: of("upgradeOneEmbedded"),
      revisionFromScratch: of("revisionFromScratch"),
      check: of("check"),
    },
    drizzleKit: { generateFromScratch: of("generateFromScratch"), generateOneColumn: of("generateOneColumn"), pull },
    setupMs,
  };
}

/** Measures one size in its own project and server databases, removed afterwards whatever happens. */
export function measureSize(tables: number, settings: BenchSettings, tidemark: CliSnapshot): Promise<SizeResult & { readonly serverVersion: string }> {
  return withBenchDatabases(settings.serverUrl, tables, async (databases) => {
    const project = benchProject(tables, databases.schemaUrl, tidemark);
    try {
      return { ...(await measureIn(project, settings, databases)), serverVersion: databases.serverVersion };
    } finally {
      project.dispose();
    }
  });
}
