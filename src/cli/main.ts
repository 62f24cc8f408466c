#!/usr/bin/env node
import { processOutput } from "./output.js";
import { runCli } from "./run-cli.js";
import { terminalPrompt } from "./terminal-prompt.js";

const ask = terminalPrompt(process.env);
process.exitCode = await runCli({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  out: processOutput,
  ...(ask === undefined ? {} : { ask }),
});
