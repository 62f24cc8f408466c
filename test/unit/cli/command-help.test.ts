import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../../src/cli/command-registry.js";
import { commandHelp, generalHelp } from "../../../src/cli/help-text.js";
import { parseCommandLine } from "../../../src/cli/parse-command-line.js";

/** The words of a shell command line: quotes group, a redirection or pipe ends the command. */
function shellWords(line: string): readonly string[] {
  const words: string[] = [];
  for (const match of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) {
    const word = match[1] ?? match[2] ?? match[3] ?? "";
    if (match[3] !== undefined && /^[>|<]/.test(word)) break;
    words.push(word);
  }
  return words;
}

describe("every command's help", () => {
  for (const command of COMMANDS) {
    describe(command.name, () => {
      it("has an example that runs this command with options it declares", () => {
        expect(command.example).toMatch(new RegExp(`^tidemark ${command.name}( |$)`));
        const [program, ...argv] = shellWords(command.example);
        expect(program).toBe("tidemark");
        // Parsed as the CLI parses a command line: an option the command lacks throws.
        const parsed = parseCommandLine(argv, COMMANDS);
        expect(parsed.command?.name).toBe(command.name);
      });

      it("describes each option it declares", () => {
        const help = commandHelp(command);
        for (const name of Object.keys(command.options)) expect(help).toContain(`--${name}`);
      });

      it("shows the summary, usage, options and the example", () => {
        const lines = commandHelp(command).split("\n");
        expect(lines[0]).toBe(`${command.summary}.`);
        expect(lines).toContain(`Usage: ${command.usage}`);
        expect(command.usage).toMatch(new RegExp(`^tidemark ${command.name}( |$)`));
        expect(lines).toContain("Options:");
        expect(lines.slice(-2)).toEqual(["Example:", `  ${command.example}`]);
      });
    });
  }

  it("the general help lists every command once", () => {
    const lines = generalHelp(COMMANDS).split("\n");
    for (const command of COMMANDS) {
      expect(lines.filter((line) => line.trimStart().startsWith(`${command.name} `))).toHaveLength(1);
    }
  });
});

describe("shellWords", () => {
  it("groups quoted words and stops at a redirection", () => {
    expect(shellWords(`tidemark merge heads -m "merge a and b" > x.sql`)).toEqual(["tidemark", "merge", "heads", "-m", "merge a and b"]);
  });
});
