import type { CommandSpec } from "./command-spec.js";
import { EXIT } from "./exit-codes.js";
import { commandHelp, generalHelp } from "./help-text.js";
import { didYouMean, suggest } from "./suggest.js";
import { UsageError } from "./usage-error.js";

/**
 * `tidemark help [command]`, as git and npm users type it: the same text as `--help`. The commands
 * are passed as a function, read when it runs, so that the registry can list `help` itself.
 */
export function helpCommand(commands: () => readonly CommandSpec[]): CommandSpec {
  return {
    name: "help",
    summary: "Show the options and an example of a command",
    usage: "tidemark help [command]",
    example: "tidemark help upgrade",
    options: {},
    optionHelp: ["command: any command above; without one, the list of commands"],
    async run(context) {
      const [topic, ...rest] = context.positionals;
      if (rest.length > 0) throw new UsageError(`Unexpected argument '${rest[0] ?? ""}': give one command.`, "help");
      if (topic === undefined) {
        context.out.print(generalHelp(commands()));
        return EXIT.ok;
      }
      const command = commands().find((spec) => spec.name === topic);
      if (command === undefined) throw unknownCommand(topic, commands());
      context.out.print(commandHelp(command));
      return EXIT.ok;
    },
  };
}

/** `Unknown command 'upgrad'. Did you mean 'upgrade'?`, with the hint to `tidemark --help`. */
export function unknownCommand(name: string, commands: readonly CommandSpec[]): UsageError {
  const names = commands.map((spec) => spec.name);
  return new UsageError(`Unknown command '${name}'.${didYouMean(suggest(name, names))}`);
}
