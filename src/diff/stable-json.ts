/**
 * JSON with object keys sorted, so that two equal values (in the sense of `sameValue`) give the same
 * text whatever the order their keys were built in: a hashable fingerprint of an IR object.
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== "object" || Array.isArray(inner)) return inner;
    const record = inner as Record<string, unknown>;
    return Object.fromEntries(Object.keys(record).sort().map((key) => [key, record[key]]));
  });
}
