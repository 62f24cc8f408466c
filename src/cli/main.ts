#!/usr/bin/env node
import { colorEnabled } from "./colors.js";
import { processOutput, type Output } from "./output.js";
import { spinnerWanted } from "./progress.js";
import { runCli } from "./run-cli.js";
import { startSpinner } from "./spinner.js";
import { terminalPrompt } from "./terminal-prompt.js";

const { env, stdin, stdout, stderr } = process;
// A reader that stops early (`tidemark upgrade head --sql | head`) is not an error of ours: end
// quietly, as other command-line tools do, instead of Node's stack for an unhandled EPIPE.
stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});
const ask = terminalPrompt(env);
const spinner = (out: Output) => startSpinner((text) => stderr.write(text), out, stderr.columns);
process.exitCode = await runCli({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env,
  out: processOutput,
  color: colorEnabled(stdout.isTTY === true, env),
  errorColor: colorEnabled(stderr.isTTY === true, env),
  interactive: stdin.isTTY === true && stdout.isTTY === true && (env["CI"] ?? "") === "",
  ...(ask === undefined ? {} : { ask }),
  ...(spinnerWanted(stderr.isTTY === true, env) ? { spinner } : {}),
});
