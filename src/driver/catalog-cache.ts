import { createHash, randomBytes } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pgliteVersion } from "./pglite-version.js";

/** Where an embedded database keeps the answers to tidemark's reads, inside its data directory. */
export const CATALOG_CACHE_FILE = "tidemark-read-cache.json";

/** Bumped when the file's layout or the meaning of its keys changes. */
const CACHE_FORMAT = 1;

/** Rows by statement key (see statementKey): what the database answered, as JSON. */
export type CachedAnswers = Readonly<Record<string, readonly object[]>>;

interface CacheFile {
  readonly format: number;
  readonly fingerprint: string;
  readonly answers: CachedAnswers;
}

/**
 * What identifies the data directory's state: its `global/pg_control`. PostgreSQL rewrites that
 * file when it starts (marking the cluster in production) and when it shuts down (a new checkpoint
 * location and time), so any process that opens the directory — tidemark, an application, a crash
 * half-way — leaves a different file behind, and answers saved against the old one are never read.
 * PGlite's version goes in too: a new PGlite may answer the same catalog differently.
 */
export async function dataDirFingerprint(dataDir: string): Promise<string | null> {
  const [control, version] = await Promise.all([readFile(join(dataDir, "global", "pg_control")).catch(() => null), pgliteVersion()]);
  return control === null ? null : createHash("sha256").update(control).update(version).digest("hex");
}

/** The saved answers when they were saved against the directory as it is now; else none. */
export async function readCatalogCache(dataDir: string): Promise<CachedAnswers | null> {
  const [text, fingerprint] = await Promise.all([
    readFile(join(dataDir, CATALOG_CACHE_FILE), "utf8").catch(() => null),
    dataDirFingerprint(dataDir),
  ]);
  if (text === null || fingerprint === null) return null;
  try {
    const file = JSON.parse(text) as Partial<CacheFile>;
    return file.format === CACHE_FORMAT && file.fingerprint === fingerprint && typeof file.answers === "object" ? file.answers : null;
  } catch {
    return null; // a torn or foreign file is only a cache that misses
  }
}

/** Saves the answers against the directory's state now (after the database has shut down). */
export async function writeCatalogCache(dataDir: string, answers: CachedAnswers): Promise<void> {
  const fingerprint = await dataDirFingerprint(dataDir);
  if (fingerprint === null) return;
  const file: CacheFile = { format: CACHE_FORMAT, fingerprint, answers };
  const target = join(dataDir, CATALOG_CACHE_FILE);
  const temporary = `${target}.${randomBytes(6).toString("hex")}.tmp`;
  await writeFile(temporary, JSON.stringify(file));
  await rename(temporary, target);
}

export async function removeCatalogCache(dataDir: string): Promise<void> {
  await rm(join(dataDir, CATALOG_CACHE_FILE), { force: true });
}
