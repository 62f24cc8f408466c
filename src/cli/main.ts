#!/usr/bin/env node
import { processOutput } from "./output.js";
import { runCli } from "./run-cli.js";

process.exitCode = await runCli({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  out: processOutput,
});
