import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolvePrettierOptions } from "../../../src/codegen/prettier-options.js";

const root = mkdtempSync(join(tmpdir(), "tidemark-prettier-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("resolvePrettierOptions", () => {
  it("reads the project's prettier config for the migrations folder, with its overrides", async () => {
    const project = join(root, "with-config");
    mkdirSync(join(project, "migrations"), { recursive: true });
    const config = { singleQuote: true, overrides: [{ files: "migrations/*.ts", options: { semi: false } }] };
    writeFileSync(join(project, ".prettierrc.json"), JSON.stringify(config));
    const options = await resolvePrettierOptions(join(project, "migrations", "20261122_0240_abc.ts"));
    expect(options).toMatchObject({ singleQuote: true, semi: false });
  });

  it("falls back to prettier's defaults when the project has no config", async () => {
    const project = join(root, "without-config");
    mkdirSync(join(project, "migrations"), { recursive: true });
    // A config above the temporary folder would be found too; the temporary folder has none.
    expect(await resolvePrettierOptions(join(project, "migrations", "x.ts"))).toEqual({});
  });
});
