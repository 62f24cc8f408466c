import { describe, expect, it } from "vitest";
import { InvalidRevisionIdError } from "../../../src/codegen/codegen-errors.js";
import { migrationFileName } from "../../../src/codegen/migration-file-name.js";
import { FIXTURES, readJson } from "../../support/fixture-cases.js";

interface FileNames {
  readonly cases: readonly { revision: string; message: string; createdAt: string; expected: string }[];
  readonly invalidRevisions: readonly string[];
}

const table = readJson<FileNames>(`${FIXTURES}/codegen`, "file-names.json");

describe("migrationFileName", () => {
  it.each(table.cases)("$message -> $expected", ({ revision, message, createdAt, expected }) => {
    expect(migrationFileName({ revision, message, createdAt: new Date(createdAt) })).toBe(expected);
  });

  it.each(table.invalidRevisions)("refuses revision id %j, which could leave the folder or break the name", (revision) => {
    expect(() => migrationFileName({ revision, message: "x", createdAt: new Date(0) })).toThrow(InvalidRevisionIdError);
  });
});
