import { describe, expect, it } from "vitest";
import { canonicalBuiltinType } from "../../../src/model/canonical-type.js";
import { FIXTURES, readJson } from "../../support/fixture-cases.js";

const spellings = readJson<{ cases: [string, string][] }>(`${FIXTURES}/model`, "type-spellings.json").cases;

describe("canonicalBuiltinType", () => {
  it.each(spellings)("%s is %s", (spelling, canonical) => {
    expect(canonicalBuiltinType(spelling)).toBe(canonical);
  });

  it("leaves types it does not know to the database", () => {
    expect(canonicalBuiltinType("citext")).toBeNull();
    expect(canonicalBuiltinType("vector(3)")).toBeNull();
  });
});
