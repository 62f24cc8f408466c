import { describe, expect, it } from "vitest";
import { describeSource, InvalidSourceError, parseSchemaSource, type SchemaSource } from "../../../src/commands/schema-source.js";
import { FIXTURES, readJson } from "../../support/fixture-cases.js";

interface SourceCases {
  readonly valid: readonly { readonly given: string; readonly source: SchemaSource; readonly described: string }[];
  readonly invalid: readonly { readonly given: string; readonly reason: string; readonly shown: string }[];
}

const cases = readJson<SourceCases>(`${FIXTURES}diff-sources`, "sources.json");

describe("parseSchemaSource (fixtures/diff-sources/sources.json)", () => {
  it.each(cases.valid)("reads '$given'", ({ given, source, described }) => {
    const parsed = parseSchemaSource(given, "--from");
    expect(parsed).toEqual(source);
    expect(describeSource(parsed)).toBe(described);
  });

  it.each(cases.invalid)("refuses '$given': $reason", ({ given, reason, shown }) => {
    let caught: unknown;
    try {
      parseSchemaSource(given, "--to");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidSourceError);
    const error = caught as InvalidSourceError;
    expect(error.option).toBe("--to");
    expect(error.given).toBe(shown);
    expect(error.reason).toBe(reason);
    expect(error.message).toBe(`--to '${shown}' is not a schema source: ${reason}.`);
    expect(error.accepted).toContain("migrations@<rev>");
    for (const accepted of ["db", "models", "empty", "postgres://"]) expect(error.hint).toContain(accepted);
  });

  it("never keeps a password in what it shows", () => {
    for (const { given } of cases.invalid.filter((entry) => entry.given.includes("hunter2"))) {
      expect(() => parseSchemaSource(given)).toThrow(InvalidSourceError);
      try {
        parseSchemaSource(given);
      } catch (error) {
        expect(JSON.stringify({ ...(error as object), message: (error as Error).message })).not.toContain("hunter2");
      }
    }
  });
});
