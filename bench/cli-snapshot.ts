/**
 * A private copy of the built package (package.json and dist/) for one `npm run bench` run: the
 * checkout's dist/ is rebuilt by other work while a run of many minutes goes on, and a half-built
 * dist/ fails or measures something else midway. The copy sits under node_modules/.cache/, so its
 * imports of pg, PGlite, prettier... resolve to this checkout's node_modules as dist/'s do.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";

const REPO = new URL("../", import.meta.url).pathname;

export interface CliSnapshot {
  /** The package folder: what a bench project's node_modules/tidemark links to. */
  readonly packageDir: string;
  /** Its dist/cli/main.js. */
  readonly cli: string;
  dispose(): void;
}

export function snapshotCli(): CliSnapshot {
  if (!existsSync(join(REPO, "dist", "cli", "main.js"))) throw new Error("dist/cli/main.js is missing: run `npm run build` first");
  const cache = join(REPO, "node_modules", ".cache");
  mkdirSync(cache, { recursive: true });
  const packageDir = mkdtempSync(join(cache, "tidemark-bench-cli-"));
  cpSync(join(REPO, "package.json"), join(packageDir, "package.json"));
  cpSync(join(REPO, "dist"), join(packageDir, "dist"), { recursive: true });
  return { packageDir, cli: join(packageDir, "dist", "cli", "main.js"), dispose: () => rmSync(packageDir, { recursive: true, force: true }) };
}
