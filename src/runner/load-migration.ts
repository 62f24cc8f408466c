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
    const up = exported["up"];
    const down = exported["down"];
    if (typeof up !== "function" || typeof down !== "function") {
      throw new MigrationLoadError(meta.file, "it must export async functions up(db) and down(db)");
    }
    if (exported["revision"] !== meta.revision) {
      throw new MigrationLoadError(meta.file, `its revision export is not the literal '${meta.revision}' its text declares`);
    }
    return {
      meta,
      up: (db) => Promise.resolve(up(db)),
      down: (db) => Promise.resolve(down(db)),
    };
  };
}
