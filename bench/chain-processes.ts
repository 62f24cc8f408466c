/** The processes and databases `npm run bench:chain` times: the built CLI, psql, a database per run. */
import { spawnSync } from "node:child_process";
import type { Driver } from "../src/driver/driver.js";
import { CLI } from "../test/support/run-built-cli.js";

export interface TimedRun {
  readonly ms: number;
  readonly stdout: string;
}

/** Runs a command to its end, timed from spawn to exit; fails unless it exits 0. */
export function timedCommand(command: string, args: readonly string[], cwd: string, env: Readonly<Record<string, string>> = {}): TimedRun {
  const baseEnv = { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", NO_COLOR: "1" };
  const start = performance.now();
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...baseEnv, ...env }, maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${String(result.status)}: ${result.stderr}${result.stdout.slice(0, 2000)}`);
  return { ms, stdout: result.stdout };
}

/**
 * The build timed: BENCH_CLI (a copy of dist/ under node_modules/.cache, safe from a rebuild by
 * other work midway through a run), or the checkout's own.
 */
const BENCH_CLI = process.env["BENCH_CLI"] ?? CLI;

/** The built `tidemark` binary (`npm run build`), as a user runs it; `cli` another build of it. */
export function timedCli(args: readonly string[], cwd: string, env: Readonly<Record<string, string>> = {}, cli = BENCH_CLI): TimedRun {
  return timedCommand(process.execPath, [cli, ...args], cwd, env);
}

/** Runs `work` with a new database on the server (its URL and a connection), dropped afterwards. */
export async function withFreshDatabase<T>(serverUrl: string, work: (url: string, driver: Driver) => Promise<T>): Promise<T> {
  // The tests' helper reads the server from TEST_DATABASE_URL when it is first imported.
  process.env["TEST_DATABASE_URL"] = serverUrl;
  const { withServerDatabase } = await import("../test/support/server-database.js");
  return withServerDatabase(work);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
