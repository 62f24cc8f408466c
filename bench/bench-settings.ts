/**
 * What `npm run bench` measures, from the environment: the sizes (BENCH_SIZES=100,500), the runs
 * per measure (BENCH_RUNS, default 3, median taken), whether `drizzle-kit pull` runs at 500 tables
 * (BENCH_PULL=0 skips it), and the PostgreSQL server (TEST_DATABASE_URL).
 */
export interface BenchSettings {
  readonly sizes: readonly number[];
  readonly runs: number;
  readonly pull: boolean;
  /** The tables `drizzle-kit pull` is compared at (the target is at 500). */
  readonly pullSize: number;
  readonly serverUrl: string;
}

const DEFAULT_SIZES = [100, 500, 2000];

function positiveInteger(name: string, text: string): number {
  const value = Number(text.trim());
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name}: '${text}' is not a positive whole number`);
  return value;
}

export function benchSettings(env: Readonly<Record<string, string | undefined>>): BenchSettings {
  const sizes = env["BENCH_SIZES"]?.split(",").map((size) => positiveInteger("BENCH_SIZES", size)) ?? DEFAULT_SIZES;
  return {
    sizes,
    runs: env["BENCH_RUNS"] === undefined ? 3 : positiveInteger("BENCH_RUNS", env["BENCH_RUNS"]),
    pull: env["BENCH_PULL"] !== "0",
    pullSize: 500,
    serverUrl: env["TEST_DATABASE_URL"] ?? "postgres://postgres@127.0.0.1:5432/postgres",
  };
}
