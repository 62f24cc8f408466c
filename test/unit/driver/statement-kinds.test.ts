import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { declaresReadOnly, isPlainRead, jsonSafe, mayEndOrUnlock, statementKey } from "../../../src/driver/statement-kinds.js";

interface Cases {
  readonly plainReads: readonly string[];
  readonly notPlainReads: readonly string[];
  readonly readOnlyStarts: readonly string[];
  readonly notReadOnlyStarts: readonly string[];
  readonly endsOrUnlocks: readonly string[];
  readonly neitherEndsNorUnlocks: readonly string[];
}

const cases = JSON.parse(readFileSync(new URL("../../../fixtures/driver/statement-kinds.json", import.meta.url), "utf8")) as Cases;

/** Which statements the embedded read cache may answer (src/driver/cached-reads-driver.ts). */
describe("statement kinds for the read cache", () => {
  it.each(cases.plainReads)("answers %s from the cache", (sql) => expect(isPlainRead(sql)).toBe(true));
  it.each(cases.notPlainReads)("sends %s to the database", (sql) => expect(isPlainRead(sql)).toBe(false));
  it.each(cases.readOnlyStarts)("takes a transaction starting %s as read-only", (sql) => expect(declaresReadOnly(sql)).toBe(true));
  it.each(cases.notReadOnlyStarts)("does not take a transaction starting %s as read-only", (sql) => expect(declaresReadOnly(sql)).toBe(false));

  it.each(cases.endsOrUnlocks)("takes %s as able to end or unlock a transaction", (sql) => expect(mayEndOrUnlock(sql)).toBe(true));
  it.each(cases.neitherEndsNorUnlocks)("takes %s as neither ending nor unlocking one", (sql) => expect(mayEndOrUnlock(sql)).toBe(false));

  it("saves only rows that come back the same through JSON", () => {
    expect(jsonSafe([{ a: 1, b: "x", c: null, d: [true, ["y"]], e: { f: 2 } }])).toBe(true);
    expect(jsonSafe([{ at: new Date(0) }])).toBe(false);
    expect(jsonSafe([{ n: 1n }])).toBe(false);
    expect(jsonSafe([{ bytes: new Uint8Array([1]) }])).toBe(false);
    expect(jsonSafe([{ n: Number.NaN }])).toBe(false);
  });

  it("keys a statement by what ran before it in the transaction", () => {
    const first = statementKey(null, "execute", "create table t ()", []);
    expect(statementKey(first, "query", "select 1", [])).not.toBe(statementKey(null, "query", "select 1", []));
    expect(statementKey(null, "query", "select $1", [1])).not.toBe(statementKey(null, "query", "select $1", ["1"]));
    expect(statementKey(null, "query", "select 1", [])).toBe(statementKey(null, "query", "select 1", []));
  });
});
