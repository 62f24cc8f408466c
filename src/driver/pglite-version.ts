import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

let version: Promise<string> | undefined;

/** The installed PGlite's version, read from its package.json without loading PGlite. */
export function pgliteVersion(): Promise<string> {
  version ??= (async () => {
    const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
    const manifest = JSON.parse(await readFile(join(dirname(entry), "..", "package.json"), "utf8")) as { readonly version?: string };
    return manifest.version ?? "unknown";
  })();
  return version;
}
