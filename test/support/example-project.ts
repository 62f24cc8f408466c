import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const REPO = new URL("../../", import.meta.url).pathname;

/**
 * A copy of the example project (config, models; its migrations only when asked) in a temporary
 * folder, with `tidemark` and `drizzle-orm` installed as a user's project has them (links to this
 * checkout).
 */
export function exampleProject(options: { readonly migrations?: boolean } = {}): { readonly dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), "tidemark-example-"));
  cpSync(join(REPO, "schema"), join(dir, "schema"), { recursive: true });
  if (options.migrations === true) cpSync(join(REPO, "migrations"), join(dir, "migrations"), { recursive: true });
  cpSync(join(REPO, "generator.config.ts"), join(dir, "generator.config.ts"));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(REPO, join(dir, "node_modules", "tidemark"), "dir");
  symlinkSync(join(REPO, "node_modules", "drizzle-orm"), join(dir, "node_modules", "drizzle-orm"), "dir");
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
