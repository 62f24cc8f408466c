import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { typeScriptImporter } from "../../../src/config/import-typescript.js";

let dir = "";
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "tidemark-import-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, lines: readonly string[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

describe("typeScriptImporter", () => {
  it("strips types, follows a .js specifier to its .ts file, and knows import.meta's url, dirname and filename", async () => {
    write("value.ts", ["export const value: number = 41;"]);
    const file = write("main.ts", [
      'import { value } from "./value.js";',
      "enum Step { One = 1 }",
      "export const sum = value + Step.One;",
      "export const where = [import.meta.url, import.meta.dirname, import.meta.filename];",
      'export const later = import("./value.js").then((module) => module.value);',
    ]);
    const importer = typeScriptImporter();
    await importer.prepare([file]);
    const exported = await importer.import(file);
    expect(exported["sum"]).toBe(42);
    expect(exported["where"]).toEqual([pathToFileURL(file).href, dir, file]);
    await expect(exported["later"]).resolves.toBe(41);
  });

  it("loads what CommonJS cannot hold (top-level await, import.meta.resolve) through jiti's Babel transform", async () => {
    const file = write("late.ts", [
      "export const value: number = await Promise.resolve(7);",
      'export const resolved = import.meta.resolve("./late.ts");',
    ]);
    const exported = await typeScriptImporter().import(file);
    expect(exported).toMatchObject({ value: 7, resolved: pathToFileURL(file).href });
  });

  it("reads a file edited after it was prepared, and evaluates it afresh at each import", async () => {
    const file = write("counter.ts", ["export const count: number = 1;"]);
    const importer = typeScriptImporter();
    await importer.prepare([file]);
    expect((await importer.import(file))["count"]).toBe(1);
    write("counter.ts", ["export const count: number = 2;"]);
    expect((await importer.import(file))["count"]).toBe(2);
  });

  it("reports a syntax error with its line, as jiti's own errors carry it", async () => {
    const file = write("broken.ts", ["export const a = 1;", "export const b = {", ";"]);
    const importer = typeScriptImporter();
    await importer.prepare([file]);
    await expect(importer.import(file)).rejects.toThrow(`\n ${file}:3:0`);
  });
});
