import { dirname } from "node:path";
import { typeScriptImporter, type TypeScriptImporter } from "../config/import-typescript.js";
import { describeImportFailure } from "../config/load-config.js";
import { buildMigrationBundle, type MigrationBundle } from "./migration-bundle.js";
import type { MigrationContext } from "./migration-context.js";
import type { MigrationMeta } from "./migration-meta.js";
import { plainStatements } from "./plain-migration.js";
import { MigrationLoadError } from "./runner-errors.js";

/** A migration's code, ready to run. */
export interface LoadedMigration {
  readonly meta: MigrationMeta;
  up(db: MigrationContext): Promise<void>;
  down(db: MigrationContext): Promise<void>;
  /**
   * The statements `up` or `down` would run, when it does nothing but execute SQL text
   * (plain-migration.ts): they can then go to the server in one message. Undefined otherwise.
   */
  plainStatements?(direction: "up" | "down"): Promise<readonly string[] | undefined>;
}

/** What an imported `up` or `down` is, before it is known to return a promise. */
type MigrationFunction = (db: MigrationContext) => unknown;

/**
 * Loads one migration's code. `prepare`, when the loader has it, is told ahead which migrations a
 * run will load, so that their TypeScript is built meanwhile rather than one by one.
 */
export type MigrationLoader = ((meta: MigrationMeta) => Promise<LoadedMigration>) & {
  readonly prepare?: (metas: readonly MigrationMeta[]) => Promise<void>;
};

/**
 * Imports migration files on demand. `prepare` builds the planned files of each folder in one
 * esbuild call (migration-bundle.ts), and each load evaluates only its own module from it, when its
 * turn comes: a migration's top-level code runs, and fails, where it did before. A file the bundle
 * cannot stand for (esbuild refused it, it changed on disk since, it uses `import.meta`), or one
 * not prepared, goes through the per-file import (esbuild's transform, jiti's evaluation), which
 * reports a syntax error or a missing import as it always has. Nothing is cached on disk.
 */
export function migrationLoader(): MigrationLoader {
  let importer: TypeScriptImporter | undefined;
  const perFile = (): TypeScriptImporter => (importer ??= typeScriptImporter());
  const bundles = new Map<string, Promise<MigrationBundle | null>>();
  const transforming = new Map<string, Promise<void>>();
  const importFile = async (file: string): Promise<Record<string, unknown>> => {
    const fromBundle = (await bundles.get(file))?.exportsOf(file);
    if (fromBundle !== undefined) return fromBundle;
    await transforming.get(file);
    return perFile().import(file);
  };
  const load = async (meta: MigrationMeta): Promise<LoadedMigration> => {
    let exported: Record<string, unknown>;
    try {
      exported = await importFile(meta.file);
    } catch (error) {
      throw new MigrationLoadError(meta.file, describeImportFailure(error, meta.file), error);
    }
    return checked(meta, exported);
  };
  const prepare = async (metas: readonly MigrationMeta[]): Promise<void> => {
    for (const [folder, files] of byFolder(metas.map((meta) => meta.file).filter((file) => !bundles.has(file)))) {
      for (const chunk of chunks(files)) {
        const building = buildMigrationBundle(folder, chunk).then(({ bundle, refused }) => {
          // A refused file is transformed again at its import, which reports the error.
          for (const file of refused) transforming.set(file, perFile().prepare([file]).catch(() => undefined));
          return bundle;
        }, () => null);
        for (const file of chunk) bundles.set(file, building);
      }
    }
  };
  return Object.assign(load, { prepare });
}

/** The first bundle's size; each next one is four times the last. */
const FIRST_CHUNK = 8;

/**
 * Plan order cut into bundles of growing size, all built at once: the first migrations wait only
 * for a small build, and the larger ones finish in esbuild's process while those run (a run
 * mostly waits on the database). One build of 1,000 files took 0.3-0.5 s before anything ran.
 */
function chunks(files: readonly string[]): readonly (readonly string[])[] {
  const result: string[][] = [];
  for (let start = 0, size = FIRST_CHUNK; start < files.length; start += size, size *= 4) result.push(files.slice(start, start + size));
  return result;
}

/** Planned files by folder, each folder's in plan order: a bundle's packages resolve from its folder. */
function byFolder(files: readonly string[]): ReadonlyMap<string, readonly string[]> {
  const folders = new Map<string, string[]>();
  for (const file of new Set(files)) {
    const folder = dirname(file);
    const list = folders.get(folder);
    if (list === undefined) folders.set(folder, [file]);
    else list.push(file);
  }
  return folders;
}

function checked(meta: MigrationMeta, exported: Record<string, unknown>): LoadedMigration {
  const up = exported["up"] as MigrationFunction | undefined;
  const down = exported["down"] as MigrationFunction | undefined;
  if (typeof up !== "function" || typeof down !== "function") {
    throw new MigrationLoadError(meta.file, "it must export async functions up(db) and down(db)");
  }
  if (exported["revision"] !== meta.revision) {
    throw new MigrationLoadError(meta.file, `its revision export is not the literal '${meta.revision}' its text declares`);
  }
  return {
    meta,
    up: async (db) => {
      await up(db);
    },
    down: async (db) => {
      await down(db);
    },
    plainStatements: (direction) => plainStatements(direction === "up" ? up : down),
  };
}
