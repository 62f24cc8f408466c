/** What `npm run bench` measured at one size: the raw medians the report, the targets and the JSON file share. */
import type { Measured } from "./measure.js";
import type { StageReport } from "./stage-runs.js";

export interface SizeResult {
  readonly tables: number;
  readonly stages: StageReport;
  readonly tidemark: {
    /** `revision --autogenerate` with one column added, against the server database. */
    readonly revisionServer: Measured;
    /** The same against the embedded default (a PGlite data directory in the project), unchanged since its last read. */
    readonly revisionEmbedded: Measured;
    /** The same after the embedded database's saved reads were dropped (as when an application opened it): PGlite starts and reads. */
    readonly revisionEmbeddedFirstRead: Measured;
    /** The same right after `upgrade head` applied the previous column's revision (the usual loop). */
    readonly revisionEmbeddedAfterUpgrade: Measured;
    /** That `upgrade head`: one migration applied to the embedded default, its saved reads sent again. */
    readonly upgradeOneEmbedded: Measured;
    /** `revision --autogenerate` of the whole schema into an empty server database. */
    readonly revisionFromScratch: Measured;
    /** `check` on the unchanged project (migrations replayed in PGlite in memory). */
    readonly check: Measured;
  };
  readonly drizzleKit: {
    readonly generateFromScratch: Measured;
    readonly generateOneColumn: Measured;
    /** `pull` of the server database, once; null when not run at this size. */
    readonly pull: Measured | null;
  };
  /** Writing and applying the initial migrations (not a measure: the setup's cost). */
  readonly setupMs: number;
}

/** The stages and CLI runs whose time at 2,000 tables must stay within 4.5× their time at 500. */
export function growthMeasures(result: SizeResult): Readonly<Record<string, number>> {
  return {
    ...Object.fromEntries(Object.entries(result.stages.ms).map(([stage, ms]) => [`stage: ${stage}`, ms])),
    "revision --autogenerate (server)": result.tidemark.revisionServer.wallMs,
    "revision --autogenerate (embedded)": result.tidemark.revisionEmbedded.wallMs,
    "revision --autogenerate (embedded, first read)": result.tidemark.revisionEmbeddedFirstRead.wallMs,
    "revision --autogenerate (embedded, after upgrade)": result.tidemark.revisionEmbeddedAfterUpgrade.wallMs,
    "upgrade head, one migration (embedded)": result.tidemark.upgradeOneEmbedded.wallMs,
    "revision --autogenerate from scratch (server)": result.tidemark.revisionFromScratch.wallMs,
    check: result.tidemark.check.wallMs,
  };
}
