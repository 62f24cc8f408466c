#!/usr/bin/env node
import { colorEnabled } from "./colors.js";
import { processOutput } from "./output.js";
import { runCli } from "./run-cli.js";
import { terminalPrompt } from "./terminal-prompt.js";

const ask = terminalPrompt(process.env);
process.exitCode = await runCli({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  out: processOutput,
  color: colorEnabled(process.stdout.isTTY === true, process.env),
  ...(ask === undefined ? {} : { ask }),
});
