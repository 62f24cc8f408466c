import type { ParseArgsConfig } from "node:util";
import type { ExitCode } from "./exit-codes.js";
import type { Output } from "./output.js";
import type { Progress } from "./progress.js";

export type OptionSpecs = NonNullable<ParseArgsConfig["options"]>;
export type OptionValues = Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;

/** What a command receives: its parsed options, positionals, and the process around it. */
export interface CommandContext {
  readonly values: OptionValues;
  readonly positionals: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly out: Output;
  /** Whether stdout takes ANSI colors (a terminal, NO_COLOR unset); absent means no. */
  readonly color?: boolean;
  /** Asks the person at the terminal; absent when there is none (CI, a pipe), so never prompt then. */
  readonly ask?: (question: string) => Promise<string>;
  /** Whether a person is there: stdin and stdout are terminals and CI is unset. */
  readonly interactive: boolean;
  /** The phase a long command is in, for a spinner on stderr; a no-op when nobody watches. */
  readonly progress: Progress;
}

/**
 * A command as help, suggestions and the option parser see it: plain data, and a `run` that
 * imports the command's implementation (`<name>-run.ts`) when called. A spec imports nothing
 * heavy, so that `--version`, `--help` and the parser's usage errors (an unknown command or
 * option) load no database driver, model loader or formatter (test/integration/cli/startup-imports.test.ts).
 */
export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly example: string;
  /** Options beyond the global ones (--help, --debug, --config). */
  readonly options: OptionSpecs;
  /** Lines describing each option, for --help. */
  readonly optionHelp: readonly string[];
  /** Imports the implementation, then runs it; it throws a UsageError for arguments it refuses. */
  run(context: CommandContext): Promise<ExitCode>;
}
