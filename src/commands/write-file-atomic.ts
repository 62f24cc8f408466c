import { randomBytes } from "node:crypto";
import { link, mkdir, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Writes `text` to `file` so that the file is either absent or whole, and never replaces one that
 * exists: the text goes to a temporary file beside it, which is then hard-linked under its name
 * (atomic, and it fails when the name is taken).
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, text, { flag: "wx" });
    await link(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
}
