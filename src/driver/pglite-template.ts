import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLITE_EXTENSIONS } from "./pglite-extensions.js";
import { pgliteVersion } from "./pglite-version.js";

/**
 * A PGlite database: in memory (`dataDir` null), or in a data directory. A new database (in
 * memory, or a directory that is empty but for tidemark's lock file) starts from a saved copy of a
 * just-initialised data directory when there is one: PGlite's initdb takes 1.5–3 s, loading the
 * copy under 1 s, and every scratch database and every new project starts this way. The copy is
 * made by the first run, kept in the system's temporary folder under the PGlite version, written
 * atomically; one that does not load is deleted, and the database is made by initdb instead.
 */
export async function createPglite(dataDir: string | null, keep: readonly string[] = []): Promise<PGlite> {
  const where = { ...(dataDir === null ? {} : { dataDir }), startParams: START_PARAMS };
  if (dataDir !== null && !(await isEmpty(dataDir, keep))) return PGlite.create({ ...where, extensions: PGLITE_EXTENSIONS });
  const file = await templateFile();
  const saved = await readFile(file).catch(() => null);
  if (saved !== null) {
    try {
      return await PGlite.create({ ...where, loadDataDir: new Blob([saved]), extensions: PGLITE_EXTENSIONS });
    } catch {
      await rm(file, { force: true });
      if (dataDir !== null) await emptyDir(dataDir, keep); // it was empty before: only the failed copy is removed
    }
  }
  const db = await PGlite.create({ ...where, extensions: PGLITE_EXTENSIONS });
  // Only an in-memory database is copied: a directory's copy would carry its other files (the
  // lock file of the process that made it) into every database made from it.
  if (dataDir === null) await saveTemplate(db, file).catch(() => undefined); // a cache: failing to write it costs only time
  return db;
}

/**
 * PGlite's own start parameters, with 32 MB of shared buffers instead of PostgreSQL's 128 MB:
 * PGlite clears the whole pool when it starts, 0.35 s of every embedded command's start on this
 * machine, and a schema's catalog and a migration's working set fit in 32 MB (the 500-table
 * catalog reads as fast; bench/README.md).
 */
const START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=32MB"];

/** Whether the directory holds nothing but the names in `keep` (a missing one counts as empty). */
async function isEmpty(dir: string, keep: readonly string[]): Promise<boolean> {
  const entries = await readdir(dir).catch(() => []);
  return entries.every((name) => keep.includes(name));
}

async function emptyDir(dir: string, keep: readonly string[]): Promise<void> {
  for (const name of await readdir(dir)) {
    if (!keep.includes(name)) await rm(join(dir, name), { recursive: true, force: true });
  }
}

async function saveTemplate(db: PGlite, file: string): Promise<void> {
  const dump = await db.dumpDataDir("gzip");
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  await writeFile(temporary, new Uint8Array(await dump.arrayBuffer()));
  await rename(temporary, file);
}

/** Bumped when what goes into the copy changes, so that older copies are never read. */
const TEMPLATE_FORMAT = 2;

let cachedFile: string | undefined;

/** Where the copy for this PGlite version lives. */
export async function templateFile(): Promise<string> {
  if (cachedFile !== undefined) return cachedFile;
  cachedFile = join(tmpdir(), "tidemark", `pglite-${await pgliteVersion()}-template-${TEMPLATE_FORMAT}.tar.gz`);
  return cachedFile;
}
