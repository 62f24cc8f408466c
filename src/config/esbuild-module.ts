import { createRequire } from "node:module";

type Esbuild = typeof import("esbuild");

let esbuild: Esbuild | undefined;

/**
 * esbuild, required on first use rather than imported: an ESM import of its CommonJS main.js
 * makes Node scan all 97 KB of it for export names first (cjs-module-lexer), about 30 ms of every
 * command that reads TypeScript or runs migrations, before esbuild's process can even start.
 */
export function loadEsbuild(): Promise<Esbuild> {
  try {
    esbuild ??= createRequire(import.meta.url)("esbuild") as Esbuild;
    return Promise.resolve(esbuild);
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
