/**
 * Runs a command to its end and reports its wall time and peak memory. The peak is the maximum
 * resident set size (VmHWM) the kernel recorded for the process, read through GNU time
 * (`/usr/bin/time -f %M`, from wait4's rusage): reliable for a process that does not fork its
 * work off (neither tidemark nor drizzle-kit does). Without GNU time the peak is null.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const GNU_TIME = "/usr/bin/time";

export interface CommandRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly wallMs: number;
  /** Maximum resident set size in KiB, or null when it could not be read. */
  readonly peakKiB: number | null;
}

export interface CommandSpec {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string>>;
  /** Milliseconds before the run is killed (default 20 minutes: `drizzle-kit pull` is slow). */
  readonly timeoutMs?: number;
}

export const PEAK_MEMORY_METHOD = existsSync(GNU_TIME) ? "GNU time (%M, max RSS from wait4)" : "unavailable (no /usr/bin/time)";

/** The environment a user's shell would give: no DATABASE_URL or shadow URL leaking in from ours. */
export function plainEnv(extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  return { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", NO_COLOR: "1", ...extra };
}

export function runMeasured(spec: CommandSpec): CommandRun {
  const withTime = existsSync(GNU_TIME);
  const scratch = mkdtempSync(join(tmpdir(), "tidemark-bench-time-"));
  const report = join(scratch, "rss");
  const [command, args] = withTime
    ? [GNU_TIME, ["-f", "%M", "-o", report, spec.command, ...spec.args]]
    : [spec.command, [...spec.args]];
  try {
    const start = performance.now();
    const result = spawnSync(command, args, {
      cwd: spec.cwd,
      env: spec.env ?? plainEnv(),
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
      timeout: spec.timeoutMs ?? 20 * 60_000,
    });
    const wallMs = performance.now() - start;
    const peak = withTime && existsSync(report) ? Number(readFileSync(report, "utf8").trim().split("\n").pop()) : Number.NaN;
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, wallMs, peakKiB: Number.isFinite(peak) ? peak : null };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The same, failing with the command's output unless it exits with one of `expected` (0 by default). */
export function runChecked(spec: CommandSpec, expected: readonly number[] = [0]): CommandRun {
  const run = runMeasured(spec);
  if (run.status === null || !expected.includes(run.status)) {
    const line = [spec.command, ...spec.args].join(" ");
    throw new Error(`${line} (in ${spec.cwd}) exited ${String(run.status)}:\n${run.stderr.slice(-4000)}${run.stdout.slice(-4000)}`);
  }
  return run;
}
