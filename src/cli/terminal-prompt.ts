import { createInterface } from "node:readline/promises";
import { TidemarkError } from "../errors/tidemark-error.js";

/** The person at the terminal stopped the command at a question. */
export class PromptCancelledError extends TidemarkError {
  readonly hint = "Run the command again when you are ready; --no-detect-renames or --rename avoids the questions.";

  constructor() {
    super("Cancelled at the question: nothing was written");
  }
}

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
    } catch (error) {
      // Ctrl+C or Ctrl+D at the question: nothing has been written yet.
      if ((error as { code?: unknown }).code === "ABORT_ERR") throw new PromptCancelledError();
      throw error;
    } finally {
      rl.close();
    }
  };
}
