import { describe, expect, it } from "vitest";
import { classifyTypeChange, typeChangeHazards } from "../../../src/sql/classify-type-change.js";
import { plan } from "../../../src/sql/plan.js";
import { column } from "../diff/build-schema.js";
import { columnType, TYPE_CHANGE_CASES } from "./type-change-cases.js";

describe("classifyTypeChange", () => {
  it.each(TYPE_CHANGE_CASES)("$from -> $to is $class", (testCase) => {
    const classification = classifyTypeChange(columnType(testCase.from), columnType(testCase.to));
    expect(classification.class).toBe(testCase.class);
    expect(classification.lossy).toBe(testCase.destructive ?? false);
    if (testCase.rewrite !== undefined) expect(classification.rewrite).toBe(testCase.rewrite);
  });

  it("covers every class, with and without data loss", () => {
    const seen = new Set(TYPE_CHANGE_CASES.map((testCase) => `${testCase.class}${testCase.destructive ? " destructive" : ""}`));
    expect([...seen].sort()).toEqual(["cast", "cast destructive", "noCast", "risky", "risky destructive", "safe"]);
  });
});

describe("typeChangeHazards", () => {
  it.each([
    [{ class: "safe", lossy: false, rewrite: false }, []],
    [{ class: "safe", lossy: false, rewrite: true }, ["heavyLock"]],
    [{ class: "risky", lossy: false, rewrite: true }, ["narrowing", "heavyLock"]],
    [{ class: "risky", lossy: true, rewrite: true }, ["narrowing", "heavyLock", "destructive"]],
    [{ class: "cast", lossy: false, rewrite: true }, ["needsCast", "heavyLock"]],
    [{ class: "noCast", lossy: false, rewrite: true }, ["noCast", "heavyLock"]],
  ] as const)("%j carries %j", (classification, hazards) => {
    expect(typeChangeHazards(classification)).toEqual(hazards);
  });
});

describe("type change statements", () => {
  const alter = (from: string, to: string) =>
    plan([{ kind: "alterColumn", table: { schema: "public", name: "t" }, from: column("c", from), to: column("c", to) }]).up.map((s) => s.sql);

  it("writes no USING for a widening or a narrowing: PostgreSQL assigns, and fails on what does not fit", () => {
    expect(alter("integer", "bigint")).toEqual(["ALTER TABLE public.t ALTER COLUMN c TYPE bigint"]);
    expect(alter("character varying(50)", "character varying(10)")).toEqual(["ALTER TABLE public.t ALTER COLUMN c TYPE character varying(10)"]);
  });

  it("writes USING where PostgreSQL needs an explicit cast, or has none", () => {
    expect(alter("text", "integer")).toEqual(["ALTER TABLE public.t ALTER COLUMN c TYPE integer USING c::integer"]);
    expect(alter("bigint", "timestamp without time zone")).toEqual([
      "ALTER TABLE public.t ALTER COLUMN c TYPE timestamp without time zone USING c::timestamp without time zone",
    ]);
  });
});
