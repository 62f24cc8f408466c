import ts from "typescript";
import { describe, expect, it } from "vitest";
import { renderMigration, type MigrationInput } from "../../../src/codegen/render-migration.js";
import { normalizedRevises } from "../../../src/codegen/revision-metadata.js";
import { migrationMetaFromSource } from "../../../src/runner/read-migration-meta.js";
import { codegenCases, type CodegenCase } from "./codegen-cases.js";
import { loadGenerated, recordingContext } from "./load-generated.js";

const cases = codegenCases();

/** Options far from prettier's defaults: quotes, semicolons and indentation all change. */
const UNUSUAL_FORMAT = { singleQuote: true, semi: false, useTabs: true, printWidth: 60, trailingComma: "none" } as const;

describe("renderMigration", () => {
  it.each(cases)("$name matches its golden file", async ({ input, format, expected }) => {
    await expect(await renderMigration(input, format)).toMatchFileSnapshot(expected);
  });

  it.each(cases)("$name exports its metadata and executes its plan exactly", async (testCase) => {
    await expectFaithful(testCase, await renderMigration(testCase.input, testCase.format));
  });

  it.each(cases)("$name says the same under unusual prettier options", async (testCase) => {
    await expectFaithful(testCase, await renderMigration(testCase.input, UNUSUAL_FORMAT));
  });

  it.each(cases)("$name reads back through the runner's metadata reader, whatever the formatting", async ({ input, format }) => {
    const { meta } = input;
    const revises = normalizedRevises(meta.revises);
    const firstLine = meta.message.trim().split("\n")[0] || "empty message";
    for (const options of [format, UNUSUAL_FORMAT]) {
      const text = await renderMigration(input, options);
      expect(migrationMetaFromSource("/project/migrations/generated.ts", Buffer.from(text))).toMatchObject({
        revision: meta.revision,
        revises: revises === null ? [] : typeof revises === "string" ? [revises] : revises,
        branchLabels: meta.branchLabels ?? [],
        dependsOn: meta.dependsOn ?? [],
        transactional: expectedTransactional(input),
        message: firstLine,
      });
    }
  });

  it.each(cases)("$name has one doc comment, closed only at its end", async ({ input, format }) => {
    const text = await renderMigration(input, format);
    const comments = ts.getLeadingCommentRanges(text, 0) ?? [];
    expect(comments).toHaveLength(1);
    const end = comments[0]?.end ?? 0;
    expect(text.indexOf("*/")).toBe(end - 2);
    expect(text.slice(end)).toMatch(/^\nimport type \{ MigrationContext \} from ["']tidemark["']/);
  });
});

async function expectFaithful({ input }: CodegenCase, text: string): Promise<void> {
  const module = await loadGenerated(text);
  const { meta, plan } = input;
  expect(module["revision"]).toBe(meta.revision);
  expect(module["revises"]).toEqual(normalizedRevises(meta.revises));
  expect(module["branchLabels"]).toEqual(meta.branchLabels?.length ? meta.branchLabels : undefined);
  expect(module["dependsOn"]).toEqual(meta.dependsOn?.length ? meta.dependsOn : undefined);
  expect(module["transactional"]).toBe(expectedTransactional(input) ? undefined : false);
  const up = recordingContext();
  await module.up(up.db);
  expect(up.executed).toEqual((plan?.up ?? []).map((statement) => statement.sql));
  const down = recordingContext();
  await module.down(down.db);
  expect(down.executed).toEqual((plan?.down ?? []).map((statement) => statement.sql));
}

/** False when the caller asks, or when an up statement cannot run in a transaction (down's run in one). */
function expectedTransactional({ meta, plan }: MigrationInput): boolean {
  const statements = plan?.up ?? [];
  return meta.transactional !== false && !statements.some((statement) => statement.hazards.includes("nonTransactional"));
}
