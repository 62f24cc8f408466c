import { createJiti } from "jiti";
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

export type MigrationLoader = (meta: MigrationMeta) => Promise<LoadedMigration>;

/**
 * Imports migration files on demand (TypeScript through jiti, transforms cached on disk by content),
 * so a run only pays for the migrations it executes.
 */
export function migrationLoader(): MigrationLoader {
  const jiti = createJiti(import.meta.url, { moduleCache: false, fsCache: true });
  return async (meta) => {
    let exported: Record<string, unknown>;
    try {
      exported = (await jiti.import(meta.file)) as Record<string, unknown>;
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
}
