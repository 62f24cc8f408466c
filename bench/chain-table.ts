/** The markdown `npm run bench:chain` prints: the medians, then each target as a ratio with PASS or MISS. */

export interface Figures {
  readonly count: number;
  readonly runs: number;
  /** loadGraph in the bench's process: read and scan every file, build the graph. */
  readonly graphLoad: number;
  /** `tidemark --version`: starting the CLI, no graph, no database. */
  readonly cliStartup: number;
  /** `tidemark heads`: the CLI's start and a graph load. */
  readonly heads: number;
  /** `upgrade head --sql` with an empty transform cache (the first run). */
  readonly offlineSqlCold: number;
  readonly offlineSql: number;
  /** psql -f of the offline script on a fresh database: the floor. */
  readonly psql: number;
  readonly upgradeServer: number;
  readonly upgradeServerCold: number;
  readonly upgradeEmbedded: number;
  /** `upgrade head` on the server by BENCH_BASELINE_CLI, with a warm and an empty transform cache. */
  readonly baseline?: { readonly warm: number; readonly cold: number };
  readonly history: number;
  readonly current: number;
}

const ms = (value: number): string => `${Math.round(value).toLocaleString("en-US")} ms`;

export function chainTable(f: Figures): string {
  const graphInCli = Math.max(0, f.heads - f.cliStartup);
  const rows: readonly (readonly [string, number])[] = [
    ["graph load, in-process (`loadGraph`)", f.graphLoad],
    ["CLI start (`tidemark --version`)", f.cliStartup],
    ["`tidemark heads` (CLI start + graph load)", f.heads],
    ["`upgrade head --sql`, first run (empty transform cache)", f.offlineSqlCold],
    ["`upgrade head --sql`", f.offlineSql],
    ["**floor**: offline SQL by `psql -f`, fresh database", f.psql],
    ["`upgrade head`, server", f.upgradeServer],
    ["`upgrade head`, server, empty transform cache", f.upgradeServerCold],
    ...(f.baseline === undefined ? [] : [
      ["`upgrade head`, server, baseline build", f.baseline.warm] as const,
      ["`upgrade head`, server, baseline build, empty transform cache", f.baseline.cold] as const,
    ]),
    ["`upgrade head`, embedded PGlite (information)", f.upgradeEmbedded],
    ["`history --indicate-current`, server", f.history],
    ["`current`, server", f.current],
  ];
  const targets: readonly (readonly [string, number, number])[] = [
    ["`upgrade head` ÷ floor", f.upgradeServer / f.psql, 2],
    ["`upgrade head` (empty transform cache) ÷ floor", f.upgradeServerCold / f.psql, 2],
    ...(f.baseline === undefined ? [] : [
      ["baseline `upgrade head` ÷ floor", f.baseline.warm / f.psql, 2] as const,
      ["baseline `upgrade head` (empty transform cache) ÷ floor", f.baseline.cold / f.psql, 2] as const,
    ]),
    ["graph load in-process ÷ floor", f.graphLoad / f.psql, 0.1],
    ["graph load in the CLI (`heads` − `--version`) ÷ floor", graphInCli / f.psql, 0.1],
  ];
  return [
    `| ${f.count.toLocaleString("en-US")} migrations (median of ${f.runs}) | wall time |`,
    "|---|---|",
    ...rows.map(([what, value]) => `| ${what} | ${ms(value)} |`),
    "",
    "| target | ratio | at most | verdict |",
    "|---|---|---|---|",
    ...targets.map(([what, ratio, limit]) => `| ${what} | ${ratio.toFixed(2)} | ${limit} | ${ratio <= limit ? "PASS" : "MISS"} |`),
  ].join("\n");
}
