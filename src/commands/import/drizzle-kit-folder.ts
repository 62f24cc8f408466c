import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DrizzleKitFolderError } from "./import-errors.js";

/** One entry of a drizzle-kit journal with its SQL file, as drizzle-orm's migrator reads them. */
export interface DrizzleKitMigration {
  /** The file's name without `.sql`: `0001_comments_and_published_at`. */
  readonly tag: string;
  readonly file: string;
  /** The journal's `when` (ms since 1970): what the migrator records as `created_at`. */
  readonly when: number;
  /** sha256 of the file's text, hex: what the migrator records as `hash`. */
  readonly hash: string;
  /** The statements, split on `--> statement-breakpoint`, trimmed, comment-only parts left out. */
  readonly statements: readonly string[];
}

/** A journal entry: the fields tidemark reads from `meta/_journal.json`. */
export interface JournalEntry {
  readonly tag: string;
  readonly when: number;
}

const BREAKPOINT = "--> statement-breakpoint";

/** Every migration of a drizzle-kit folder (`out`), in journal order. */
export async function readDrizzleKitFolder(folder: string): Promise<readonly DrizzleKitMigration[]> {
  const journalFile = join(folder, "meta", "_journal.json");
  const journal = parseJournal(await readText(journalFile, folder, "it has no meta/_journal.json"), journalFile);
  const migrations: DrizzleKitMigration[] = [];
  for (const entry of journal) {
    const file = join(folder, `${entry.tag}.sql`);
    const text = await readText(file, folder, `the journal lists ${entry.tag}, but ${entry.tag}.sql is missing`);
    migrations.push({ tag: entry.tag, file, when: entry.when, hash: drizzleHash(text), statements: splitStatements(text) });
  }
  return migrations;
}

/** drizzle-orm's migrator's hash of a migration: sha256 of the file's text, hex. */
export function drizzleHash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** A journal's entries, checked: a PostgreSQL journal, each entry a tag and a `when`. Pure. */
export function parseJournal(text: string, file: string): readonly JournalEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new DrizzleKitFolderError(file, `it is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const journal = parsed as { readonly dialect?: unknown; readonly entries?: unknown } | null;
  if (journal === null || typeof journal !== "object" || !Array.isArray(journal.entries)) {
    throw new DrizzleKitFolderError(file, "it has no `entries` list");
  }
  if (journal.dialect !== undefined && journal.dialect !== "postgresql" && journal.dialect !== "pg") {
    throw new DrizzleKitFolderError(file, `its dialect is ${JSON.stringify(journal.dialect)}, not postgresql`);
  }
  return (journal.entries as readonly unknown[]).map((entry, i) => journalEntry(entry, i, file));
}

function journalEntry(entry: unknown, index: number, file: string): JournalEntry {
  const { tag, when } = (entry ?? {}) as { readonly tag?: unknown; readonly when?: unknown };
  if (typeof tag !== "string" || !/^[^/\\]+$/.test(tag) || typeof when !== "number" || !Number.isSafeInteger(when)) {
    throw new DrizzleKitFolderError(file, `entry ${index} needs a file name \`tag\` and a whole-number \`when\``);
  }
  return { tag, when };
}

/**
 * The statements of a drizzle-kit SQL file, as its migrator runs them: the parts between
 * breakpoints, trimmed, one trailing `;` dropped; parts holding only `--` comments (a custom
 * migration's header) are left out. Pure.
 */
export function splitStatements(text: string): readonly string[] {
  return text
    .split(BREAKPOINT)
    .map((part) => part.trim())
    .filter((part) => part.split("\n").some((line) => line.trim() !== "" && !line.trim().startsWith("--")))
    .map((part) => part.replace(/;\s*$/, ""));
}

async function readText(file: string, folder: string, missing: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DrizzleKitFolderError(folder, code === "ENOENT" ? missing : `cannot read ${file} (${code ?? "unknown error"})`, error);
  }
}
