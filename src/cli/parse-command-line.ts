import { parseArgs } from "node:util";
import type { CommandSpec, OptionSpecs, OptionValues } from "./command-spec.js";
import { GLOBAL_OPTIONS } from "./global-options.js";
import { unknownCommand } from "./help-command.js";
import { didYouMean, suggest } from "./suggest.js";
import { UsageError } from "./usage-error.js";

/** A command line read: the command it names (none for `tidemark --help`), its options and arguments. */
export interface CommandLine {
  readonly command: CommandSpec | undefined;
  readonly values: OptionValues;
  /** The arguments after the command's name. */
  readonly positionals: readonly string[];
}

/**
 * Reads `argv` against the commands' options; an unknown command or option is a UsageError that
 * suggests the closest known one (`Unknown option '--formt'. Did you mean '--format'?`).
 */
export function parseCommandLine(given: readonly string[], commands: readonly CommandSpec[]): CommandLine {
  const argv = relativeTargetsLast(given);
  const name = commandName(argv, commands);
  const command = commands.find((spec) => spec.name === name);
  if (name !== undefined && command === undefined) throw unknownCommand(name, commands);
  const { values, positionals } = parse(argv, command, commands);
  return { command, values, positionals: positionals.slice(1) };
}

/** The first positional, with every command's options known, so `--url x inspect` finds `inspect`. */
function commandName(argv: readonly string[], commands: readonly CommandSpec[]): string | undefined {
  const options = Object.assign({}, GLOBAL_OPTIONS, ...commands.map((spec) => spec.options)) as OptionSpecs;
  return parseArgs({ args: [...argv], options, allowPositionals: true, strict: false }).positionals[0];
}

/**
 * `downgrade -1` names a relative revision, not an option: such words go after `--`, where the
 * argument parser takes them as positionals (in their order).
 */
function relativeTargetsLast(argv: readonly string[]): readonly string[] {
  if (argv.includes("--")) return argv;
  const relative = argv.filter((arg) => /^-\d+$/.test(arg));
  if (relative.length === 0) return argv;
  return [...argv.filter((arg) => !/^-\d+$/.test(arg)), "--", ...relative];
}

function parse(argv: readonly string[], command: CommandSpec | undefined, commands: readonly CommandSpec[]) {
  const options = { ...GLOBAL_OPTIONS, ...command?.options };
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] ?? "" : String(error);
    const unknown = /^Unknown option '(-[^']*)'/.exec(message)?.[1];
    if (unknown !== undefined) throw new UsageError(unknownOption(unknown, options, command, commands), command?.name);
    throw new UsageError(message.replace(/\. To specify a positional argument.*$/, "."), command?.name);
  }
}

/** `Unknown option '--autogen'. Did you mean '--autogenerate'?`, or which commands have it. */
function unknownOption(option: string, options: OptionSpecs, command: CommandSpec | undefined, commands: readonly CommandSpec[]): string {
  const head = `Unknown option '${option}'.`;
  if (!option.startsWith("--")) return head;
  const name = option.slice(2);
  const close = suggest(name, Object.keys(options)).map((known) => `--${known}`);
  if (close.length > 0) return `${head}${didYouMean(close)}`;
  const owners = commands.filter((spec) => spec !== command && Object.hasOwn(spec.options, name)).map((spec) => spec.name);
  return owners.length === 0 ? head : `${head} It is an option of ${owners.join(", ")}.`;
}
