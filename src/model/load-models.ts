import { resolve } from "node:path";
import { glob } from "tinyglobby";
import { typeScriptImporter } from "../config/import-typescript.js";
import { describeImportFailure } from "../config/load-config.js";
import type { Schema } from "../ir/schema.js";
import { collectModels, type CollectOptions, type ModelModule } from "./collect-models.js";
import { ModelLoadError, NoModelsError } from "./model-errors.js";

/**
 * Imports every model file the globs match (relative to `root`, TypeScript through jiti and
 * esbuild, fresh each time) and converts the drizzle objects they export to the IR.
 */
export async function loadModels(root: string, globs: readonly string[], options: CollectOptions): Promise<Schema> {
  const files = (await glob([...globs], { cwd: root, absolute: true, ignore: ["**/node_modules/**", "**/*.d.ts"] })).sort();
  if (files.length === 0) throw new NoModelsError(globs, []);
  // All files are transformed at once in esbuild's process, while the caller's other work (reading
  // the database) goes on; then each is evaluated, in order, afresh.
  const importer = typeScriptImporter();
  await importer.prepare(files.map((file) => resolve(file))).catch((error: unknown) => {
    const file = (error as { readonly path?: unknown }).path;
    throw new ModelLoadError(typeof file === "string" ? file : root, describeImportFailure(error, String(file)), error);
  });
  const modules: ModelModule[] = [];
  for (const file of files) {
    try {
      modules.push({ file, exports: await importer.import(resolve(file)) });
    } catch (error) {
      throw new ModelLoadError(file, describeImportFailure(error, file), error);
    }
  }
  const schema = collectModels(modules, options);
  const found = Object.keys(schema.tables).length + Object.keys(schema.enums).length +
    Object.keys(schema.sequences).length + Object.keys(schema.views).length;
  if (found === 0) throw new NoModelsError(globs, files);
  return schema;
}
