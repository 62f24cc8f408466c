/**
 * What a long command is doing, for a person watching the terminal. Commands call it whether or not
 * anyone watches: when nobody does (a pipe, CI, `--format json`) it is NO_PROGRESS and does nothing.
 */
export interface Progress {
  /** The current phase in a few words: "reading the config", "replaying the migrations". */
  phase(description: string): void;
}

export const NO_PROGRESS: Progress = { phase: () => undefined };

/**
 * A spinner is drawn only on a terminal stderr, never in CI (CI set to anything but ""): logs
 * would fill with its frames; nor on TERM=dumb, which prints its escape codes as text.
 * `--format json` turns it off as well (run-cli checks that).
 */
export function spinnerWanted(stderrIsTerminal: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  return stderrIsTerminal && (env["CI"] ?? "") === "" && env["TERM"] !== "dumb";
}
