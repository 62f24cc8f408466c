import { createHash, randomBytes } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pgliteVersion } from "./pglite-version.js";
import { sequenceKeys, type SavedSequence } from "./statement-kinds.js";

/** Where an embedded database keeps the answers to tidemark's reads, inside its data directory. */
export const CATALOG_CACHE_FILE = "tidemark-read-cache.json";

/** Bumped when the file's layout or the meaning of its keys changes. */
const CACHE_FORMAT = 2;

/** Rows by statement key (see statementKey): what the database answered, as JSON. */
export type CachedAnswers = Readonly<Record<string, readonly object[]>>;

/**
 * The answers, and the statements that asked them: one session's reads, in the order they were
 * sent, so that a session that writes can send them again and save what they answer then.
 */
export interface SavedReads {
  readonly answers: CachedAnswers;
  readonly sequences: readonly SavedSequence[];
}

interface CacheFile extends SavedReads {
  readonly format: number;
  readonly fingerprint: string;
}

/**
 * How many read sessions a saved read outlives without being sent: 1 keeps the reads of the
 * session before the last (`revision` before a `current` that asked something new), and no more,
 * so that reads of models edited since (scratch copies by content) are not kept and replayed
 * forever.
 */
const KEPT_AGE = 1;

/** The saved sequences a session that read passes on beside its own: one session older. */
export function olderSequences(saved: SavedReads | null): readonly SavedSequence[] {
  return (saved?.sequences ?? []).map((sequence) => ({ ...sequence, age: sequence.age + 1 })).filter((sequence) => sequence.age <= KEPT_AGE);
}

/**
 * What to save of `sequences`: each cut at its first statement without an answer (nothing after
 * it can be answered from the file), the same one only once (the first given), and only the
 * answers they reach. The file so holds the reads of the last two read sessions at most, however
 * many came before.
 */
export function savedReadsOf(sequences: Iterable<SavedSequence>, answers: ReadonlyMap<string, readonly object[]>): SavedReads {
  const kept = new Map<string, SavedSequence>();
  const reached: Record<string, readonly object[]> = {};
  for (const sequence of sequences) {
    const keys = sequenceKeys(sequence.statements);
    const answered = keys.findIndex((key) => !answers.has(key));
    const length = answered === -1 ? keys.length : answered;
    const last = keys[length - 1];
    if (last === undefined) continue;
    if (kept.has(last)) continue;
    for (const key of keys.slice(0, length)) reached[key] = answers.get(key) ?? [];
    kept.set(last, { ...sequence, statements: sequence.statements.slice(0, length) });
  }
  return { answers: reached, sequences: [...kept.values()] };
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

/** The saved reads when they were saved against the directory as it is now; else none. */
export async function readCatalogCache(dataDir: string): Promise<SavedReads | null> {
  const [text, fingerprint] = await Promise.all([
    readFile(join(dataDir, CATALOG_CACHE_FILE), "utf8").catch(() => null),
    dataDirFingerprint(dataDir),
  ]);
  if (text === null || fingerprint === null) return null;
  try {
    const file = JSON.parse(text) as Partial<CacheFile>;
    const valid = file.format === CACHE_FORMAT && file.fingerprint === fingerprint && typeof file.answers === "object" && Array.isArray(file.sequences);
    return valid ? { answers: file.answers ?? {}, sequences: file.sequences ?? [] } : null;
  } catch {
    return null; // a torn or foreign file is only a cache that misses
  }
}

/** Saves the reads against the directory's state now (after the database has shut down). */
export async function writeCatalogCache(dataDir: string, reads: SavedReads): Promise<void> {
  const fingerprint = await dataDirFingerprint(dataDir);
  if (fingerprint === null) return;
  const file: CacheFile = { format: CACHE_FORMAT, fingerprint, answers: reads.answers, sequences: reads.sequences };
  const target = join(dataDir, CATALOG_CACHE_FILE);
  const temporary = `${target}.${randomBytes(6).toString("hex")}.tmp`;
  await writeFile(temporary, JSON.stringify(file));
  await rename(temporary, target);
}

export async function removeCatalogCache(dataDir: string): Promise<void> {
  await rm(join(dataDir, CATALOG_CACHE_FILE), { force: true });
}
