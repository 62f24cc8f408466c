import { createRequire } from "node:module";
import { afterEach, describe, expect, it, vi } from "vitest";
import { inlineParameters, quoteLiteral, quoteValue } from "../../../src/ir/quote.js";
import { inlineParameterFixture, untag } from "./inline-parameter-cases.js";

const { cases } = inlineParameterFixture();

/** node-postgres's own conversion of a parameter to the text it sends (pg/lib/utils.js, untyped). */
const pgPrepareValue = (createRequire(import.meta.url)("pg/lib/utils.js") as { prepareValue(value: unknown): unknown }).prepareValue;

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("inlineParameters", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_, c) => {
    if (c.timeZone !== undefined) vi.stubEnv("TZ", c.timeZone);
    const run = () => inlineParameters(c.sql, c.params.map(untag));
    if (c.error === undefined) expect(run()).toBe(c.expected);
    else expect(run).toThrow(new RegExp(c.error));
  });

  it("throws a RangeError for a value it cannot write", () => {
    expect(() => inlineParameters("SELECT $1", [new Map()])).toThrow(RangeError);
    expect(() => inlineParameters("SELECT $1", [Symbol("s")])).toThrow(RangeError);
  });
});

describe("quoteValue writes the text node-postgres binds", () => {
  const values: readonly unknown[] = [
    "plain", "it's", "back\\slash", 0, -5, 1.5, -0, 1e21, Number.NaN, Number.POSITIVE_INFINITY, 12345678901234567890n, true, false,
    ["a", null, undefined, ['x"y', "back\\slash"], 7, true, 8n, { k: "v" }],
    [new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678)), [new Date(Date.UTC(1999, 11, 31, 23, 59, 59, 999))]],
    { a: [1, "x"], b: null, when: new Date(Date.UTC(2024, 6, 1)) },
    new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678)),
    new Date(Date.UTC(2024, 6, 1, 0, 0, 0, 0)),
    new Date(Date.UTC(-99, 5, 15, 12)),
    new Date(Date.UTC(0, 0, 1)),
    new Date(Date.UTC(9, 0, 1)),
  ];
  for (const timeZone of ["UTC", "America/St_Johns", "Asia/Kathmandu", "Europe/Berlin", "Pacific/Kiritimati"]) {
    it(`in ${timeZone}`, () => {
      vi.stubEnv("TZ", timeZone);
      for (const value of values) expect(quoteValue(value), String(value)).toBe(quoteLiteral(String(pgPrepareValue(value))));
    });
  }

  it("writes bytes as a bytea literal of the bytes pg sends", () => {
    const bytes = new Uint8Array([0, 1, 0xab, 0xff]);
    expect(quoteValue(bytes)).toBe("E'\\\\x0001abff'::bytea");
    expect(quoteValue(Buffer.from(bytes))).toBe("E'\\\\x0001abff'::bytea");
    expect(quoteValue(new Uint16Array(bytes.buffer, 2, 1))).toBe("E'\\\\xabff'::bytea");
    expect((pgPrepareValue(bytes) as Buffer).toString("hex")).toBe("0001abff");
  });
});
