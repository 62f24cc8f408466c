import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { codegenCases } from "./codegen-cases.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** Where `import type { MigrationContext } from "tidemark"` resolves: tidemark's public entry point. */
const TIDEMARK_TYPES = `${ROOT}src/index.ts`;

/** The project's own strict options (tsconfig.json), with `tidemark` mapped to its sources. */
function compilerOptions(): ts.CompilerOptions {
  const configFile = ts.readConfigFile(`${ROOT}tsconfig.json`, (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, ROOT);
  return { ...parsed.options, noEmit: true, paths: { tidemark: [TIDEMARK_TYPES] } };
}

describe("generated migrations", () => {
  it("type-check under the project's strict options", () => {
    const goldens = codegenCases().map((testCase) => testCase.expected);
    const program = ts.createProgram(goldens, compilerOptions());
    const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => d.file === undefined || goldens.includes(d.file.fileName));
    const host: ts.FormatDiagnosticsHost = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => ROOT, getNewLine: () => "\n" };
    expect(ts.formatDiagnostics(diagnostics, host)).toBe("");
    expect(program.getSourceFiles().map((file) => file.fileName)).toContain(TIDEMARK_TYPES);
  });
});
