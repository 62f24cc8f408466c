import { describe, expect, it } from "vitest";
import { derivedName, similarNames } from "../../../src/diff/similar-names.js";
import { FIXTURES, readJson } from "../../support/fixture-cases.js";

interface Cases {
  readonly similar: readonly [string, string, boolean][];
  readonly derived: readonly { from: string; to: string; renames: [string, string, boolean][]; expected: boolean | null }[];
}

const cases = readJson<Cases>(`${FIXTURES}/diff`, "similar-names.json");

describe("similarNames", () => {
  it.each(cases.similar)("%s ~ %s: %s", (a, b, expected) => {
    expect(similarNames(a, b)).toBe(expected);
    expect(similarNames(b, a)).toBe(expected);
  });
});

describe("derivedName", () => {
  it.each(cases.derived)("$from -> $to: $expected", ({ from, to, renames, expected }) => {
    const substitutions = renames.map(([old, now, inferred]) => ({ from: old, to: now, inferred }));
    expect(derivedName(from, to, substitutions)).toBe(expected);
  });
});
