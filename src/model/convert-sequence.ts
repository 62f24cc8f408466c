import type { PgSequenceOptions } from "drizzle-orm/pg-core";
import type { SequenceOptions } from "../ir/sequence.js";

const BIGINT_MIN = "-9223372036854775808";
const BIGINT_MAX = "9223372036854775807";

/** A pgSequence's options with PostgreSQL's defaults for a bigint sequence filled in. */
export function convertSequenceOptions(options: PgSequenceOptions | undefined): SequenceOptions {
  const text = (value: unknown): string | undefined => (value === undefined ? undefined : String(value));
  const increment = text(options?.increment) ?? "1";
  const descending = increment.startsWith("-");
  const minValue = text(options?.minValue) ?? (descending ? BIGINT_MIN : "1");
  const maxValue = text(options?.maxValue) ?? (descending ? "-1" : BIGINT_MAX);
  return {
    dataType: "bigint",
    start: text(options?.startWith) ?? (descending ? maxValue : minValue),
    increment,
    minValue,
    maxValue,
    cache: text(options?.cache) ?? "1",
    cycle: options?.cycle ?? false,
  };
}
