import { describe, expect, it } from "vitest";
import { qualifiedKey } from "../../../src/ir/qualified-name.js";
import { quoteIdent, quoteLiteral } from "../../../src/ir/quote.js";
import { FIXTURES, readJson } from "../../support/fixture-cases.js";

const identifiers = readJson<{ cases: [string, string][] }>(`${FIXTURES}/quote`, "identifiers.json").cases;
const literals = readJson<{ cases: [string, string][] }>(`${FIXTURES}/quote`, "literals.json").cases;

describe("quoteIdent", () => {
  it.each(identifiers)("%j is written %s", (name, quoted) => {
    expect(quoteIdent(name)).toBe(quoted);
  });
});

describe("quoteLiteral", () => {
  it.each(literals)("%j is written %s", (value, quoted) => {
    expect(quoteLiteral(value)).toBe(quoted);
  });

  it("refuses NUL, which PostgreSQL text cannot hold", () => {
    expect(() => quoteLiteral("a\0b")).toThrow(RangeError);
  });
});

describe("qualifiedKey", () => {
  it("keeps plain names readable and makes dotted names unambiguous", () => {
    expect(qualifiedKey("public", "users")).toBe("public.users");
    expect(qualifiedKey("a.b", "c")).toBe('"a.b".c');
    expect(qualifiedKey("a", "b.c")).toBe('a."b.c"');
    expect(qualifiedKey("a.b", "c")).not.toBe(qualifiedKey("a", "b.c"));
  });
});
