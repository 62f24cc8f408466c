import type { FormatOptions } from "./format-options.js";

/**
 * The prettier options that apply to `file` (a migration file's path, which need not exist yet):
 * the project's prettier config and `.editorconfig`, or prettier's defaults when there is none.
 * Does I/O: it reads config files, so the command calls it, not the pure codegen.
 */
export async function resolvePrettierOptions(file: string): Promise<FormatOptions> {
  const { resolveConfig } = await import("prettier"); // loaded by the commands that write a file only
  const options = await resolveConfig(file, { editorconfig: true });
  return options ?? {};
}
