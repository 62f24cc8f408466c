/**
 * What `npm run bench` measures, from the environment: the sizes (BENCH_SIZES=100,500), the runs
 * per measure (BENCH_RUNS, median taken; default 3, but 1 at 2,000 tables and more, where one
 * round takes minutes on the shared 2-core machine), whether `drizzle-kit pull` runs at 500 tables
 * (BENCH_PULL=0 skips it), and the PostgreSQL server (TEST_DATABASE_URL).
 */
export interface BenchSettings {
  readonly sizes: readonly number[];
  /** Runs per measure at a size. */
  runsAt(tables: number): number;
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
  const runs = env["BENCH_RUNS"] === undefined ? undefined : positiveInteger("BENCH_RUNS", env["BENCH_RUNS"]);
  const sizes = env["BENCH_SIZES"]?.split(",").map((size) => positiveInteger("BENCH_SIZES", size)) ?? DEFAULT_SIZES;
  return {
    sizes,
    runsAt: (tables) => (runs === undefined ? (tables >= 2000 ? 1 : 3) : runs),
    pull: env["BENCH_PULL"] !== "0",
    pullSize: 500,
    serverUrl: env["TEST_DATABASE_URL"] ?? "postgres://postgres@127.0.0.1:5432/postgres",
  };
}
