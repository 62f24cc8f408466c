import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { pathToFileURL } from "node:url";
import type { Message, TransformOptions as EsbuildOptions } from "esbuild";
import type { Jiti, TransformOptions, TransformResult } from "jiti";
import { loadEsbuild } from "./esbuild-module.js";

/**
 * esbuild and jiti load at a module's first import, not with this file: every command loads the
 * config module that imports this one, and the two took 0.1-0.3 s of each start on the shared
 * machine, for commands that import no TypeScript at all (and migrations are bundled elsewhere).
 */
type Esbuild = typeof import("esbuild");
type CreateJiti = typeof import("jiti").createJiti;
let jitiModule: Promise<CreateJiti> | undefined;
// Required, not imported (as esbuild, esbuild-module.ts): an ESM import of jiti's CommonJS bundle
// makes Node scan all of it for export names first (cjs-module-lexer), 0.05-0.1 s of every command
// that reads TypeScript.
const loadJiti = (): Promise<CreateJiti> =>
  (jitiModule ??= Promise.resolve((createRequire(import.meta.url)("jiti") as typeof import("jiti")).createJiti));

/** Imports TypeScript and JavaScript modules afresh, each time (no module cache). */
export interface TypeScriptImporter {
  /**
   * Transforms these files ahead of their import, in esbuild's own process, so that the caller can
   * go on meanwhile (read a database). Optional: a file not prepared is transformed when imported.
   */
  prepare(files: readonly string[]): Promise<void>;
  /** The module's exports (jiti's interop: a CommonJS module's `module.exports` as named exports). */
  import(file: string): Promise<Record<string, unknown>>;
  /** Its default export, or its exports when it has none (how config files are read). */
  importDefault(file: string): Promise<unknown>;
}

export interface ImporterOptions {
  /** Modules handed to the imported files as they are, by specifier, instead of being loaded. */
  readonly virtualModules?: Readonly<Record<string, unknown>>;
}

/**
 * jiti resolves, links and evaluates the modules, as it always has for tidemark (ESM/CJS interop,
 * `.js` specifiers naming `.ts` files, no module cache); esbuild strips the types and writes
 * CommonJS for it, 20 to 40 times faster than jiti's own Babel transform (9 s to 0.3 s for a model
 * file of 2,000 tables). What esbuild cannot write as CommonJS (top-level await, an `import.meta`
 * other than its url, dirname and filename) goes through jiti's Babel transform, as before.
 */
export function typeScriptImporter(options: ImporterOptions = {}): TypeScriptImporter {
  const prepared = new Map<string, { readonly source: string; readonly code: string }>();
  let jiti: Promise<Jiti> | undefined;
  const ready = (): Promise<Jiti> => (jiti ??= Promise.all([loadJiti(), loadEsbuild()]).then(([createJiti, esbuild]) => {
    let babel: Jiti | undefined;
    const viaBabel = (options: TransformOptions): TransformResult => {
      babel ??= createJiti(import.meta.url, { moduleCache: false, fsCache: false });
      return { code: babel.transform(options) };
    };
    return createJiti(import.meta.url, {
      moduleCache: false,
      fsCache: false,
      ...(options.virtualModules === undefined ? {} : { virtualModules: { ...options.virtualModules } }),
      transform: (options) => {
        const done = options.filename === undefined ? undefined : prepared.get(options.filename);
        const code = done !== undefined && done.source === options.source ? done.code : transformNow(esbuild, options);
        return code === null ? viaBabel(options) : { code };
      },
    });
  }));
  return {
    async prepare(files) {
      const esbuild = await loadEsbuild();
      await Promise.all(files.map(async (file) => {
        const source = await readFile(file, "utf8");
        const code = await transformLater(esbuild, source, file);
        if (code !== null) prepared.set(file, { source, code });
      }));
    },
    async import(file) {
      return (await (await ready()).import(file)) as Record<string, unknown>;
    },
    importDefault: async (file) => (await ready()).import(file, { default: true }),
  };
}

/** esbuild's CommonJS for jiti, or null when only Babel can write it; throws on a syntax error. */
function transformNow(esbuild: Esbuild, options: TransformOptions): string | null {
  const file = options.filename ?? "module.ts";
  try {
    return usable(esbuild.transformSync(options.source, esbuildOptions(file, options.ts ?? file.endsWith("ts"))));
  } catch (error) {
    return babelOrThrow(error, file);
  }
}

/** The same in esbuild's service (off this thread); null leaves the file to `transformNow` at its import. */
async function transformLater(esbuild: Esbuild, source: string, file: string): Promise<string | null> {
  try {
    return usable(await esbuild.transform(source, esbuildOptions(file, /\.[cm]?tsx?$/.test(file))));
  } catch {
    return null;
  }
}

function esbuildOptions(file: string, ts: boolean): EsbuildOptions {
  const jsx = file.endsWith("x");
  return {
    loader: ts ? (jsx ? "tsx" : "ts") : (jsx ? "jsx" : "js"),
    format: "cjs",
    sourcefile: file,
    target: `node${process.versions.node}`,
    logLevel: "silent",
    // jiti evaluates a module as a function, where import() has nowhere to go: it becomes require().
    supported: { "dynamic-import": false },
    define: {
      "import.meta.url": JSON.stringify(pathToFileURL(file).href),
      "import.meta.filename": JSON.stringify(file),
      "import.meta.dirname": JSON.stringify(dirname(file)),
    },
  };
}

/** Null when esbuild had to leave `import.meta` empty (`import.meta.resolve`): Babel's output is right there. */
function usable(result: { readonly code: string; readonly warnings: readonly Message[] }): string | null {
  return result.warnings.some((warning) => warning.id === "empty-import-meta") ? null : result.code;
}

/** Top-level await cannot be CommonJS: Babel's async module does it. Anything else is the file's error. */
function babelOrThrow(error: unknown, file: string): null {
  const messages = (error as { readonly errors?: readonly Message[] }).errors ?? [];
  const first = messages[0];
  if (first === undefined) throw error;
  if (messages.every((message) => message.text.startsWith("Top-level await"))) return null;
  // jiti's own parse errors read `message\n file:line:column`, which describeImportFailure reads.
  const where = first.location === null ? file : `${first.location.file}:${first.location.line}:${first.location.column}`;
  throw new SyntaxError(`${first.text}\n ${where}`);
}
