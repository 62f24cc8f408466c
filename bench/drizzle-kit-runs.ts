/**
 * drizzle-kit 0.31 on the bench project's model file, as its users run it: `generate` from
 * scratch, `generate` after one added column (on top of the first one's snapshot), and `pull` of
 * the server database once. Each run is checked for the output it must write.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { DRIZZLE_OUT, PULL_CONFIG, type BenchProject } from "./bench-project.js";
import { runChecked, type CommandRun } from "./peak-memory.js";
import { freshColumn } from "./tidemark-runs.js";

const DRIZZLE_KIT = new URL("../node_modules/drizzle-kit/bin.cjs", import.meta.url).pathname;
const BASELINE = "drizzle-baseline";

function drizzleKit(project: BenchProject, args: readonly string[]): CommandRun {
  return runChecked({ command: process.execPath, args: [DRIZZLE_KIT, ...args], cwd: project.dir });
}

/** The SQL of the newest migration drizzle-kit wrote. */
function newestSql(project: BenchProject): string {
  const files = readdirSync(join(project.dir, DRIZZLE_OUT)).filter((name) => name.endsWith(".sql")).sort();
  const newest = files.at(-1);
  if (newest === undefined) throw new Error("drizzle-kit generate wrote no SQL file");
  return readFileSync(join(project.dir, DRIZZLE_OUT, newest), "utf8");
}

/** One `generate` with no earlier snapshot; its output is kept as the baseline of generateOneColumn. */
export function generateFromScratch(project: BenchProject): CommandRun {
  rmSync(join(project.dir, DRIZZLE_OUT), { recursive: true, force: true });
  const run = drizzleKit(project, ["generate"]);
  const tables = newestSql(project).match(/CREATE TABLE/g)?.length ?? 0;
  if (tables !== project.tables) throw new Error(`drizzle-kit generate created ${tables} tables, expected ${project.tables}`);
  rmSync(join(project.dir, BASELINE), { recursive: true, force: true });
  cpSync(join(project.dir, DRIZZLE_OUT), join(project.dir, BASELINE), { recursive: true });
  return run;
}

/** One `generate` after one column was added to the models, on top of the from-scratch snapshot. */
export function generateOneColumn(project: BenchProject): CommandRun {
  if (!existsSync(join(project.dir, BASELINE))) throw new Error("run generateFromScratch first: it leaves the baseline snapshot");
  try {
    rmSync(join(project.dir, DRIZZLE_OUT), { recursive: true, force: true });
    cpSync(join(project.dir, BASELINE), join(project.dir, DRIZZLE_OUT), { recursive: true });
    const column = freshColumn();
    project.writeModels({ addedColumn: column });
    const run = drizzleKit(project, ["generate"]);
    if (!newestSql(project).includes(`ADD COLUMN "${column}"`)) throw new Error(`drizzle-kit generate did not add ${column}`);
    return run;
  } finally {
    project.writeModels({});
  }
}

/** `pull` of the server database the project's pull config names (run once: it takes minutes). */
export function pullOnce(project: BenchProject): CommandRun {
  rmSync(join(project.dir, "pulled"), { recursive: true, force: true });
  const run = drizzleKit(project, ["pull", "--config", PULL_CONFIG]);
  const schema = readFileSync(join(project.dir, "pulled", "schema.ts"), "utf8");
  const tables = schema.match(/pgTable\(/g)?.length ?? 0;
  if (tables < project.tables) throw new Error(`drizzle-kit pull wrote ${tables} tables, expected ${project.tables}`);
  return run;
}
