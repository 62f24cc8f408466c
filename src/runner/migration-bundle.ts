import { readFileSync, statSync, type BigIntStats } from "node:fs";
import { extname, join, resolve } from "node:path";
import { compileFunction } from "node:vm";
import type { Loader, Message, Metafile, Plugin } from "esbuild";
import { loadEsbuild } from "../config/esbuild-module.js";
import { bundleRequire } from "./bundle-require.js";

/**
 * Migration files of one folder built by one esbuild `build` call and evaluated once: 1,000 files
 * cost one call into esbuild's process and one compiled function, where importing them one by one
 * cost a transform round trip and a jiti evaluation each (2 s of a 1,000-migration run).
 */
export interface MigrationBundle {
  /**
   * The file's exports, its module evaluated at the first call (so a migration's top-level code
   * runs when its turn comes, and throws then); undefined when the bundle cannot stand for it: not
   * in it, needing the per-file import (`import.meta`, `__dirname`), or changed on disk since.
   */
  exportsOf(file: string): Record<string, unknown> | undefined;
}

/** What `buildMigrationBundle` leaves to the per-file import: the files esbuild refused. */
export interface BundleResult {
  readonly bundle: MigrationBundle | null;
  readonly refused: readonly string[];
}

const ENTRY = "<tidemark migrations>";
/** What a module can use that a shared bundle cannot give it per file: the per-file import does. */
const PER_FILE = /import\.meta|__dirname|__filename/;

/**
 * Builds `files` (all in `folder`). When esbuild refuses some of them (a syntax error, top-level
 * await, a missing import), it builds again without those, which the per-file import then loads
 * and reports as it always has; when it cannot tell which entry failed, none is bundled.
 */
export async function buildMigrationBundle(folder: string, files: readonly string[]): Promise<BundleResult> {
  const first = await tryBuild(folder, files);
  if (first.ok) return { bundle: first.bundle, refused: [] };
  const refused = new Set(first.failedEntries);
  const rest = files.filter((file) => !refused.has(file));
  if (first.failedEntries.length === 0 || rest.length === 0) return { bundle: null, refused: files };
  const second = await tryBuild(folder, rest);
  return second.ok ? { bundle: second.bundle, refused: [...refused] } : { bundle: null, refused: files };
}

type Attempt = { readonly ok: true; readonly bundle: MigrationBundle } | { readonly ok: false; readonly failedEntries: readonly string[] };

async function tryBuild(folder: string, files: readonly string[]): Promise<Attempt> {
  const sources = new Map<string, FileStamp | null>();
  try {
    // Loaded here rather than with the CLI: most commands run no migration.
    const { build } = await loadEsbuild();
    const result = await build({
      stdin: { contents: entrySource(files), resolveDir: folder, sourcefile: ENTRY, loader: "js" },
      absWorkingDir: folder,
      outfile: join(folder, "tidemark-migrations.js"),
      bundle: true,
      write: false,
      metafile: true,
      format: "cjs",
      platform: "node",
      packages: "external",
      target: `node${process.versions.node}`,
      logLevel: "silent",
      // As the per-file transform: no tsconfig.json read, import() of a package becomes require().
      tsconfigRaw: {},
      supported: { "dynamic-import": false },
      plugins: [recordSources(sources)],
    });
    const code = result.outputFiles.find((file) => file.path.endsWith(".js"))?.text ?? "";
    return { ok: true, bundle: evaluatedBundle(folder, code, closures(folder, result.metafile, files), sources) };
  } catch (error) {
    return { ok: false, failedEntries: failedEntries(folder, error, new Set(files)) };
  }
}

/** A CommonJS entry whose getters require each migration: esbuild wraps each in a lazy initializer. */
function entrySource(files: readonly string[]): string {
  return `module.exports = {\n${files.map((file) => `  ${JSON.stringify(file)}: () => require(${JSON.stringify(file)}),`).join("\n")}\n};\n`;
}

/** A file as esbuild was given it: its stat, taken before reading it (an edit meanwhile shows later). */
interface FileStamp {
  readonly size: bigint;
  readonly mtimeNs: bigint;
  readonly ino: bigint;
  /**
   * The bytes, kept when the file was written less than a second before it was read: file times
   * tick by the kernel's clock (a few ms), so an edit in the same tick could keep the stamp (git's
   * "racily clean" entries). Such a file is compared byte for byte at its load.
   */
  readonly bytes?: Buffer;
}

const RACY_MS = 1000;

const stampOf = (stats: BigIntStats): FileStamp => ({ size: stats.size, mtimeNs: stats.mtimeNs, ino: stats.ino });

/**
 * Hands esbuild each file as read here, and notes its stamp so that a load can tell whether the
 * file changed since (a stat per file and load rather than a read); null for
 * a file that needs the per-file import (`import.meta`, `__dirname`, `__filename`).
 */
function recordSources(sources: Map<string, FileStamp | null>): Plugin {
  return {
    name: "tidemark-record-sources",
    setup(plugin) {
      plugin.onLoad({ filter: /.*/, namespace: "file" }, ({ path }) => {
        const stamp = stampOf(statSync(path, { bigint: true }));
        const contents = readFileSync(path);
        const racy = Number(stamp.mtimeNs / 1_000_000n) > Date.now() - RACY_MS;
        sources.set(path, PER_FILE.test(contents.toString("utf8")) ? null : racy ? { ...stamp, bytes: contents } : stamp);
        return { contents, loader: loaderOf(path) };
      });
    },
  };
}

function loaderOf(path: string): Loader {
  const ext = extname(path);
  if (ext === ".ts" || ext === ".mts" || ext === ".cts") return "ts";
  if (ext === ".tsx" || ext === ".jsx") return ext === ".tsx" ? "tsx" : "jsx";
  if (ext === ".js" || ext === ".mjs" || ext === ".cjs") return "js";
  return "default";
}

/** Each entry's own files: itself and the files it imports, transitively (packages are external). */
function closures(folder: string, metafile: Metafile, files: readonly string[]): ReadonlyMap<string, readonly string[]> {
  const inputs = new Map(Object.entries(metafile.inputs).map(([path, input]) => [resolve(folder, path), input]));
  const result = new Map<string, readonly string[]>();
  for (const file of files) {
    const seen = new Set<string>();
    const pending = [file];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      if (seen.has(next)) continue;
      seen.add(next);
      for (const imported of inputs.get(next)?.imports ?? []) if (imported.external !== true) pending.push(resolve(folder, imported.path));
    }
    result.set(file, [...seen]);
  }
  return result;
}

function evaluatedBundle(
  folder: string,
  code: string,
  closureOf: ReadonlyMap<string, readonly string[]>,
  sources: ReadonlyMap<string, FileStamp | null>,
): MigrationBundle {
  let getters: Readonly<Record<string, () => Record<string, unknown>>> | undefined;
  const evaluate = () => {
    const filename = join(folder, "tidemark-migrations.js");
    const module = { exports: {} as unknown };
    compileFunction(code, ["exports", "require", "module"], { filename })(module.exports, bundleRequire(filename), module);
    return module.exports as Record<string, () => Record<string, unknown>>;
  };
  return {
    exportsOf(file) {
      const own = closureOf.get(file);
      if (own === undefined || !own.every((path) => unchanged(path, sources))) return undefined;
      getters ??= evaluate();
      return getters[file]?.();
    },
  };
}

/** Checked at each load: what runs is the file as it is now, as with the per-file import. */
function unchanged(path: string, sources: ReadonlyMap<string, FileStamp | null>): boolean {
  const recorded = sources.get(path);
  if (recorded === undefined || recorded === null) return false;
  try {
    const now = stampOf(statSync(path, { bigint: true }));
    const same = now.size === recorded.size && now.mtimeNs === recorded.mtimeNs && now.ino === recorded.ino;
    return same && (recorded.bytes === undefined || readFileSync(path).equals(recorded.bytes));
  } catch {
    return false;
  }
}

/** The entries esbuild's errors point into; empty when one points elsewhere (a helper, the entry). */
function failedEntries(folder: string, error: unknown, files: ReadonlySet<string>): readonly string[] {
  const messages = (error as { readonly errors?: readonly Message[] }).errors ?? [];
  const failed = new Set<string>();
  for (const message of messages) {
    const at = message.location?.file;
    const file = at === undefined ? undefined : resolve(folder, at);
    if (file === undefined || !files.has(file)) return [];
    failed.add(file);
  }
  return [...failed];
}

/**
 * Loads esbuild and starts its process, for a command about to read the graph and connect: the
 * 0.1-0.4 s this takes then overlaps that work instead of delaying the first migration.
 */
export function warmMigrationBundler(): void {
  void loadEsbuild().then((esbuild) => esbuild.transform("")).catch(() => undefined);
}
