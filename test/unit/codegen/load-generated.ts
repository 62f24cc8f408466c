import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import type { MigrationContext } from "../../../src/runner/migration-context.js";

/** What a generated file exports, as the runner would see it after importing it. */
export interface GeneratedModule {
  readonly [name: string]: unknown;
  up(db: MigrationContext): Promise<void>;
  down(db: MigrationContext): Promise<void>;
}

/**
 * Compiles a generated migration with the TypeScript compiler and imports it from a temporary
 * file, so that tests read the values its literals really hold, not what its text looks like.
 */
export async function loadGenerated(text: string): Promise<GeneratedModule> {
  const { outputText, diagnostics } = ts.transpileModule(text, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    reportDiagnostics: true,
  });
  if (diagnostics !== undefined && diagnostics.length > 0) {
    throw new Error(ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => "", getNewLine: () => "\n" }));
  }
  const dir = mkdtempSync(join(tmpdir(), "tidemark-codegen-"));
  try {
    const file = join(dir, "migration.mjs");
    writeFileSync(file, outputText);
    return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as GeneratedModule;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A `db` that records what the migration executes. */
export function recordingContext(): { readonly db: MigrationContext; readonly executed: readonly string[] } {
  const executed: string[] = [];
  const db: MigrationContext = {
    execute: (sql) => {
      executed.push(sql);
      return Promise.resolve();
    },
    query: () => Promise.reject(new Error("a generated migration does not query")),
    inspect: () => Promise.reject(new Error("a generated migration does not inspect")),
  };
  return { db, executed };
}
