/** The median of some numbers (the mean of the middle two for an even count); 0 for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Median of several timed runs, in milliseconds. */
export async function medianMs(runs: number, work: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return median(times);
}

export function mib(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}

/** The median wall time and peak memory of several runs of one command. */
export interface Measured {
  readonly wallMs: number;
  /** KiB; null when the peak could not be read. */
  readonly peakKiB: number | null;
  readonly runs: number;
}

export function summarize(runs: readonly { readonly wallMs: number; readonly peakKiB: number | null }[]): Measured {
  const peaks = runs.flatMap((run) => (run.peakKiB === null ? [] : [run.peakKiB]));
  return { wallMs: median(runs.map((run) => run.wallMs)), peakKiB: peaks.length === 0 ? null : median(peaks), runs: runs.length };
}
