import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLITE_EXTENSIONS } from "./pglite-extensions.js";

/**
 * A fresh in-memory PGlite, started from a saved copy of a just-initialised data directory when
 * there is one: PGlite's initdb takes 1.5–3 s, loading the copy about 0.5 s, and every scratch
 * database (`check`, `verify`, `diff ... migrations`) starts this way. The copy is made by the
 * first run, kept in the system's temporary folder under the PGlite version, written atomically;
 * one that does not load is ignored and made again.
 */
export async function freshMemoryPglite(): Promise<PGlite> {
  const file = await templateFile();
  const saved = await readFile(file).catch(() => null);
  if (saved !== null) {
    try {
      return await PGlite.create({ loadDataDir: new Blob([saved]), extensions: PGLITE_EXTENSIONS });
    } catch {
      await rm(file, { force: true });
    }
  }
  const db = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  await saveTemplate(db, file).catch(() => undefined); // a cache: failing to write it costs only time
  return db;
}

async function saveTemplate(db: PGlite, file: string): Promise<void> {
  const dump = await db.dumpDataDir("gzip");
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  await writeFile(temporary, new Uint8Array(await dump.arrayBuffer()));
  await rename(temporary, file);
}

let cachedFile: string | undefined;

/** Where the copy for this PGlite version lives. */
async function templateFile(): Promise<string> {
  if (cachedFile !== undefined) return cachedFile;
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  const manifest = JSON.parse(await readFile(join(dirname(entry), "..", "package.json"), "utf8")) as { readonly version?: string };
  cachedFile = join(tmpdir(), "tidemark", `pglite-${manifest.version ?? "unknown"}-template.tar.gz`);
  return cachedFile;
}
