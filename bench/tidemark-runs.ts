/**
 * The built `tidemark` CLI in the bench project, as a user runs it: the migrations written and
 * applied in chunks (setup), then timed runs of `revision --autogenerate` with one column added
 * (server and embedded), `revision --autogenerate` from scratch, and `check` on the unchanged
 * project. Every timed run is checked for the outcome it must have.
 */
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { SCRATCH_CONFIG, type BenchProject } from "./bench-project.js";
import { runChecked, type CommandRun } from "./peak-memory.js";

/**
 * Tables per initial migration: 2,000 tables' locks overflow one transaction's lock table, in the
 * scratch PGlite of `check` too. The setup applies them with `--tx-mode none`: the server's lock
 * table is shared with every other session on it, and 500 tables' locks overflowed it once.
 */
const CHUNK = 500;

let edits = 0;
const editStamp = Date.now().toString(36);

/** A column name no earlier run (nor jiti's transform cache) has seen: the model file is freshly edited. */
export function freshColumn(): string {
  edits += 1;
  return `note_${editStamp}_${edits}`;
}

/** With BENCH_CPU_PROF=<dir>, every CLI run writes a V8 CPU profile there (read with bench/cpu-profile-top.ts). */
const PROFILE_DIR = process.env["BENCH_CPU_PROF"];

export function tidemark(project: BenchProject, args: readonly string[], expected: readonly number[] = [0]): CommandRun {
  const where = args.includes("--config") ? "scratch" : args.includes("--url") ? "server" : "default";
  const profile = PROFILE_DIR === undefined ? [] : ["--cpu-prof", "--cpu-prof-dir", join(PROFILE_DIR, `${project.tables}-${args[0] ?? "run"}-${where}`)];
  return runChecked({ command: process.execPath, args: [...profile, project.cli, ...args], cwd: project.dir }, expected);
}

/** The migration file a `revision` run wrote (its path is on the "Wrote" line), checked for its number of changes. */
function writtenFile(run: CommandRun, changes: number): string {
  const match = /^Wrote (\S+) \((\d+) changes?/m.exec(run.stdout);
  if (match?.[1] === undefined) throw new Error(`revision wrote nothing:\n${run.stdout}${run.stderr}`);
  if (Number(match[2]) !== changes) throw new Error(`revision found ${match[2]} changes, expected ${changes}:\n${run.stdout}`);
  return match[1];
}

/** Removes the migration file a `revision` run wrote. */
function removeWritten(project: BenchProject, run: CommandRun, changes: number): void {
  rmSync(join(project.dir, writtenFile(run, changes)));
}

/**
 * Writes the initial migrations (500 tables each, as a schema grows) against the server database,
 * applies them there and to the embedded default database; the model file ends whole.
 */
export function setUpMigrations(project: BenchProject, schemaUrl: string): void {
  for (let tables = Math.min(CHUNK, project.tables); ; tables = Math.min(tables + CHUNK, project.tables)) {
    project.writeModels({ tables });
    tidemark(project, ["revision", "--autogenerate", "-m", `tables up to ${tables}`, "--url", schemaUrl]);
    tidemark(project, ["upgrade", "head", "--tx-mode", "none", "--url", schemaUrl]);
    if (tables === project.tables) break;
  }
  tidemark(project, ["upgrade", "head", "--tx-mode", "none"]);
  project.writeModels({});
}

/** One `revision --autogenerate` after one column was added to the models; `url` undefined: the embedded default. */
export function revisionOneColumn(project: BenchProject, url: string | undefined): CommandRun {
  try {
    project.writeModels({ addedColumn: freshColumn() });
    const run = tidemark(project, ["revision", "--autogenerate", "-m", "one column", ...(url === undefined ? [] : ["--url", url])]);
    removeWritten(project, run, 1);
    return run;
  } finally {
    project.writeModels({});
  }
}

/**
 * The same on the embedded default after its saved reads were dropped, as after any command that
 * wrote to it (`upgrade`): PGlite starts and reads the catalog, and saves the answers again.
 */
export function revisionOneColumnFirstRead(project: BenchProject): CommandRun {
  rmSync(join(project.dir, EMBEDDED_READ_CACHE), { force: true });
  return revisionOneColumn(project, undefined);
}

/** `upgrade head` applying one migration to the embedded default, and the `revision` after it. */
export interface AfterUpgrade {
  readonly upgrade: CommandRun;
  readonly revision: CommandRun;
}

/**
 * The usual loop on the embedded default: a column is added and its revision written (not timed),
 * `upgrade head` applies it (timed: a write, after which the reads saved before it are sent again
 * and their answers saved), then another column is added and `revision --autogenerate` runs
 * (timed). Afterwards `downgrade -1` undoes the applied one and its file is removed, so that every
 * round starts from the same database.
 */
export function revisionAfterUpgrade(project: BenchProject): AfterUpgrade {
  const first = freshColumn();
  let written: string | null = null;
  let upgraded = false;
  try {
    project.writeModels({ addedColumn: first });
    written = writtenFile(tidemark(project, ["revision", "--autogenerate", "-m", "first column"]), 1);
    const upgrade = tidemark(project, ["upgrade", "head"]);
    upgraded = true;
    project.writeModels({ addedColumn: first, secondColumn: freshColumn() });
    const revision = tidemark(project, ["revision", "--autogenerate", "-m", "second column"]);
    removeWritten(project, revision, 1);
    return { upgrade, revision };
  } finally {
    // Only an upgrade that succeeded is undone: `downgrade -1` after a failed one would undo the setup's.
    if (upgraded) tidemark(project, ["downgrade", "-1"]);
    if (written !== null) rmSync(join(project.dir, written));
    project.writeModels({});
  }
}

/** The embedded default's saved reads (src/driver/catalog-cache.ts). */
export const EMBEDDED_READ_CACHE = join(".tidemark", "db", "tidemark-read-cache.json");

/** One `revision --autogenerate` of the whole schema into an empty database (a second config, empty migrations). */
export function revisionFromScratch(project: BenchProject, emptyUrl: string): CommandRun {
  const run = tidemark(project, ["revision", "--config", SCRATCH_CONFIG, "--autogenerate", "-m", "initial", "--url", emptyUrl]);
  removeWritten(project, run, project.tables + 1);
  return run;
}

/** One `check` on the unchanged project: the migrations replayed in PGlite in memory (the default) find nothing. */
export function checkUnchanged(project: BenchProject): CommandRun {
  if (readdirSync(join(project.dir, "migrations")).length === 0) throw new Error("check needs the initial migrations: run setUpMigrations first");
  return tidemark(project, ["check"]);
}
