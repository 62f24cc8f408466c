import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { didYouMean, editDistance, suggest } from "../../../src/cli/suggest.js";

interface SuggestionFixtures {
  readonly known: Readonly<Record<string, readonly string[]>>;
  readonly cases: readonly { readonly word: string; readonly among: string; readonly expected: readonly string[]; readonly why: string }[];
  readonly distances: readonly (readonly [string, string, number])[];
}

const fixtures = JSON.parse(
  readFileSync(new URL("../../../fixtures/cli/suggestions.json", import.meta.url), "utf8"),
) as SuggestionFixtures;

describe("suggest", () => {
  for (const spec of fixtures.cases) {
    it(`${spec.word} among ${spec.among}: ${spec.why}`, () => {
      const known = fixtures.known[spec.among];
      if (known === undefined) throw new Error(`no list of known words named ${spec.among}`);
      expect(suggest(spec.word, known)).toEqual(spec.expected);
    });
  }
});

describe("editDistance", () => {
  for (const [a, b, expected] of fixtures.distances) {
    it(`'${a}' to '${b}' is ${expected}, and back`, () => {
      expect(editDistance(a, b)).toBe(expected);
      expect(editDistance(b, a)).toBe(expected);
    });
  }
});

describe("didYouMean", () => {
  it("reads as a sentence for none, one and several suggestions", () => {
    expect(didYouMean([])).toBe("");
    expect(didYouMean(["upgrade"])).toBe(" Did you mean 'upgrade'?");
    expect(didYouMean(["heads", "help"])).toBe(" Did you mean 'heads' or 'help'?");
    expect(didYouMean(["a", "b", "c"])).toBe(" Did you mean 'a', 'b' or 'c'?");
  });
});
