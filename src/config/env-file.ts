import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseEnv } from "node:util";

/** The variables of the project's `.env` file, or none when it has no such file. */
export async function readEnvFile(root: string): Promise<Readonly<Record<string, string>>> {
  let text: string;
  try {
    text = await readFile(join(root, ".env"), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw error;
  }
  return parseEnv(text) as Record<string, string>;
}
