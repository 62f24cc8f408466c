import { createInterface } from "node:readline/promises";

/**
 * A question asked on the terminal, or undefined when nobody is there to answer: standard input or
 * output is not a terminal, or CI is set. A script is never left waiting.
 */
export function terminalPrompt(env: Readonly<Record<string, string | undefined>>): ((question: string) => Promise<string>) | undefined {
  if (!process.stdin.isTTY || !process.stderr.isTTY || (env["CI"] ?? "") !== "") return undefined;
  return async (question) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return await rl.question(question);
    } finally {
      rl.close();
    }
  };
}
