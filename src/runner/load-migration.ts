import { typeScriptImporter } from "../config/import-typescript.js";
import { describeImportFailure } from "../config/load-config.js";
import type { MigrationContext } from "./migration-context.js";
import type { MigrationMeta } from "./migration-meta.js";
import { MigrationLoadError } from "./runner-errors.js";

/** A migration's code, ready to run. */
export interface LoadedMigration {
  readonly meta: MigrationMeta;
  up(db: MigrationContext): Promise<void>;
  down(db: MigrationContext): Promise<void>;
}

/** What an imported `up` or `down` is, before it is known to return a promise. */
type MigrationFunction = (db: MigrationContext) => unknown;

/**
 * Loads one migration's code. `prepare`, when the loader has it, is told ahead which migrations a
 * run will load, so that their TypeScript is transformed meanwhile rather than one by one.
 */
export type MigrationLoader = ((meta: MigrationMeta) => Promise<LoadedMigration>) & {
  readonly prepare?: (metas: readonly MigrationMeta[]) => Promise<void>;
};

/**
 * Imports migration files on demand, so a run only pays for the migrations it executes: esbuild
 * strips their types and jiti evaluates them. `prepare` sends every planned file to esbuild's own
 * process at once and returns: each load waits only for its own file, so the transforms overlap the
 * migrations that run meanwhile (on the loaded 2-core machine, 1,000 transforms take seconds).
 * Nothing is cached on disk: a deploy from a fresh container costs what any other run does (Babel's
 * transform through jiti's disk cache took about 20 ms a file there).
 */
export function migrationLoader(): MigrationLoader {
  const importer = typeScriptImporter();
  const transforming = new Map<string, Promise<void>>();
  const load = async (meta: MigrationMeta): Promise<LoadedMigration> => {
    let exported: Record<string, unknown>;
    try {
      await transforming.get(meta.file);
      exported = await importer.import(meta.file);
    } catch (error) {
      throw new MigrationLoadError(meta.file, describeImportFailure(error, meta.file), error);
    }
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
    };
  };
  const prepare = async (metas: readonly MigrationMeta[]): Promise<void> => {
    // A file that fails to transform here is transformed again at its import, which reports the error.
    for (const { file } of metas) if (!transforming.has(file)) transforming.set(file, importer.prepare([file]).catch(() => undefined));
  };
  return Object.assign(load, { prepare });
}
