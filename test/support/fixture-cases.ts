import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const FIXTURES = new URL("../../fixtures/", import.meta.url).pathname;

/** The case folders under `fixtures/<group>`, each a directory of data files. */
export function fixtureCases(group: string): readonly { readonly name: string; readonly dir: string }[] {
  const root = join(FIXTURES, group);
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ name: entry.name, dir: join(root, entry.name) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function readText(dir: string, file: string): string {
  return readFileSync(join(dir, file), "utf8");
}

export function readJson<T>(dir: string, file: string, fallback?: T): T {
  if (fallback !== undefined && !existsSync(join(dir, file))) return fallback;
  return JSON.parse(readText(dir, file)) as T;
}
