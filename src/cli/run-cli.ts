import { readFileSync } from "node:fs";
import { COMMANDS } from "./command-registry.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { commandHelp, generalHelp } from "./help-text.js";
import type { Output } from "./output.js";
import { parseCommandLine } from "./parse-command-line.js";
import { reportError } from "./report-error.js";

export interface CliEnvironment {
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly out: Output;
  readonly color?: boolean;
  readonly ask?: (question: string) => Promise<string>;
}

/** Runs one command line; every error ends here, as one line and an exit code. */
export async function runCli(environment: CliEnvironment): Promise<ExitCode> {
  const debug = environment.argv.includes("--debug");
  try {
    return await dispatch(environment);
  } catch (error) {
    return reportError(error, environment.out, debug);
  }
}

async function dispatch({ argv, cwd, env, out, ask, color }: CliEnvironment): Promise<ExitCode> {
  const { command, values, positionals } = parseCommandLine(argv, COMMANDS);
  if (values["version"] === true) {
    out.print(packageVersion());
    return EXIT.ok;
  }
  if (command === undefined || values["help"] === true) {
    out.print(command === undefined ? generalHelp(COMMANDS) : commandHelp(command));
    return command === undefined && values["help"] !== true ? EXIT.error : EXIT.ok;
  }
  return command.run({ values, positionals, cwd, env, out, color: color === true, ...(ask === undefined ? {} : { ask }) });
}

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return manifest.version;
}
