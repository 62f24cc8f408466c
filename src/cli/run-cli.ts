import { readFileSync } from "node:fs";
import { COMMANDS } from "./command-registry.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { commandHelp, generalHelp } from "./help-text.js";
import type { CommandContext } from "./command-spec.js";
import type { Output } from "./output.js";
import { parseCommandLine, type CommandLine } from "./parse-command-line.js";
import { NO_PROGRESS } from "./progress.js";
import { reportError } from "./report-error.js";
import type { Spinner } from "./spinner.js";

export interface CliEnvironment {
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly out: Output;
  /** Whether stdout takes ANSI colors (see colorEnabled); absent means no. */
  readonly color?: boolean;
  /** Whether stderr takes ANSI colors, by its own terminal-ness; absent means no. */
  readonly errorColor?: boolean;
  readonly ask?: (question: string) => Promise<string>;
  /** A person is there (stdin and stdout terminals, CI unset); absent means no. */
  readonly interactive?: boolean;
  /** Starts a spinner on stderr; absent when stderr is no terminal or CI is set (see spinnerWanted). */
  readonly spinner?: (out: Output) => Spinner;
}

/** Runs one command line; every error ends here, as one line and an exit code. */
export async function runCli(environment: CliEnvironment): Promise<ExitCode> {
  const debug = environment.argv.includes("--debug");
  try {
    return await dispatch(environment);
  } catch (error) {
    return reportError(error, environment.out, debug, environment.errorColor === true);
  }
}

async function dispatch(environment: CliEnvironment): Promise<ExitCode> {
  const line = parseCommandLine(environment.argv, COMMANDS);
  const { command, values } = line;
  if (values["version"] === true) {
    environment.out.print(packageVersion());
    return EXIT.ok;
  }
  if (command === undefined || values["help"] === true) {
    environment.out.print(command === undefined ? generalHelp(COMMANDS) : commandHelp(command));
    return command === undefined && values["help"] !== true ? EXIT.error : EXIT.ok;
  }
  // JSON is for a program, which wants no frames on stderr either.
  const spinner = values["format"] === "json" ? undefined : environment.spinner?.(environment.out);
  try {
    return await command.run(commandContext(environment, line, spinner));
  } finally {
    spinner?.stop();
  }
}

function commandContext(environment: CliEnvironment, line: CommandLine, spinner: Spinner | undefined): CommandContext {
  const { cwd, env, ask } = environment;
  return {
    values: line.values,
    positionals: line.positionals,
    cwd,
    env,
    out: spinner?.out ?? environment.out,
    color: environment.color === true,
    interactive: environment.interactive === true,
    progress: spinner ?? NO_PROGRESS,
    ...(ask === undefined ? {} : { ask: spinner === undefined ? ask : (question: string) => spinner.paused(() => ask(question)) }),
  };
}

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return manifest.version;
}
