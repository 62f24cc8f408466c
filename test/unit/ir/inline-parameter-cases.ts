import { FIXTURES, readJson } from "../../support/fixture-cases.js";

/**
 * Parameters as fixtures/quote/inline-parameters.json writes them: JSON, with tags for the values
 * JSON cannot hold (its "why" lists them).
 */
export type TaggedValue = null | boolean | number | string | readonly TaggedValue[] | { readonly [key: string]: TaggedValue };

export interface InlineCase {
  readonly name: string;
  readonly sql: string;
  readonly params: readonly TaggedValue[];
  readonly timeZone?: string;
  readonly expected?: string;
  readonly error?: string;
}

export interface RoundTripCase {
  readonly name: string;
  readonly type: string;
  readonly sql: string;
  readonly params: readonly TaggedValue[];
  readonly stored: string;
}

export interface InlineParameterFixture {
  readonly cases: readonly InlineCase[];
  readonly roundTrip: readonly RoundTripCase[];
}

export function inlineParameterFixture(): InlineParameterFixture {
  return readJson<InlineParameterFixture>(`${FIXTURES}/quote`, "inline-parameters.json");
}

class Money {
  constructor(readonly cents: number) {}
}

const INSTANCES: Readonly<Record<string, () => unknown>> = {
  Map: () => new Map([["a", 1]]),
  Set: () => new Set([1]),
  Money: () => new Money(100),
};

/** The JavaScript value a tagged parameter stands for. */
export function untag(value: TaggedValue): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(untag);
  const record = value as { readonly [key: string]: TaggedValue };
  const [tag, ...others] = Object.keys(record);
  const payload = tag === undefined ? undefined : record[tag];
  if (others.length === 0 && tag?.startsWith("$") === true) return untagOne(tag, payload);
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, untag(item)]));
}

function untagOne(tag: string, payload: TaggedValue | undefined): unknown {
  const text = String(payload);
  switch (tag) {
    case "$date":
      return new Date(text);
    case "$bytes":
      return Buffer.from(text, "hex");
    case "$bigint":
      return BigInt(text);
    case "$number":
      return Number(text);
    case "$undefined":
      return undefined;
    case "$function":
      return () => "a function";
    case "$new": {
      const make = INSTANCES[text];
      if (make === undefined) throw new Error(`fixture: no instance named ${text}`);
      return make();
    }
    default:
      throw new Error(`fixture: unknown tag ${tag}`);
  }
}
