import { randomBytes } from "node:crypto";
import { link, mkdir, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { TidemarkError } from "../errors/tidemark-error.js";

/**
 * Writes `text` to `file` so that the file is either absent or whole, and never replaces one that
 * exists: the text goes to a temporary file beside it, which is then hard-linked under its name
 * (atomic, and it fails when the name is taken).
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(temporary, text, { flag: "wx" });
    await link(temporary, file);
  } catch (error) {
    throw new FileWriteError(file, error);
  } finally {
    await rm(temporary, { force: true });
  }
}

/** A file to write and its text. */
export interface FileToWrite {
  readonly file: string;
  readonly text: string;
}

/**
 * Writes every file (each as `writeFileAtomic` does), then runs `next`; when a write or `next`
 * fails, the files this call wrote are removed again, so that the caller leaves all or nothing.
 */
export async function writeFilesThen<T>(files: readonly FileToWrite[], next: () => Promise<T>): Promise<T> {
  const written: string[] = [];
  try {
    for (const { file, text } of files) {
      await writeFileAtomic(file, text);
      written.push(file);
    }
    return await next();
  } catch (error) {
    await Promise.all(written.map((file) => rm(file, { force: true })));
    throw error;
  }
}

/** A file tidemark writes could not be written: a permission, a full disk, a name taken. */
export class FileWriteError extends TidemarkError {
  readonly hint = "Check that the folder exists and is writable and that no file has this name; nothing was written.";
  readonly file: string;
  readonly code: string;

  constructor(file: string, cause: unknown) {
    const code = String((cause as { code?: unknown }).code ?? "");
    super(`Cannot write ${file}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.file = file;
    this.code = code;
  }
}
