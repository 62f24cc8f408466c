import { TidemarkError } from "../errors/tidemark-error.js";
import { paint } from "./colors.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import type { Output } from "./output.js";

/**
 * The one place that turns an error into what the user sees and an exit code: one line, what went
 * wrong and where, then what to do. A TidemarkError is expected (bad input, unreachable database);
 * anything else is a bug and says so. `--debug` adds the stack and causes in both cases. With
 * `color` (stderr's own rule, see colorEnabled), `error:` is red.
 */
export function reportError(error: unknown, out: Output, debug: boolean, color = false): ExitCode {
  const label = paint(color).red("error:");
  if (error instanceof TidemarkError) {
    out.error(`${label} ${oneLine(error.message)} ${error.hint}`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    out.error(`${label} unexpected failure: ${oneLine(message)} This is a tidemark bug: run again with --debug and report it.`);
  }
  if (debug) out.error(describeStack(error));
  return EXIT.error;
}

function describeStack(error: unknown): string {
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth += 1) {
    lines.push(current instanceof Error ? (current.stack ?? current.message) : String(current));
    current = current instanceof Error ? current.cause : undefined;
    if (current !== undefined) lines.push("caused by:");
  }
  return lines.join("\n");
}

function oneLine(text: string): string {
  const line = text.split("\n").find((part) => part.trim() !== "")?.trim() ?? "";
  return /[.:!?]$/.test(line) ? line : `${line}.`;
}
