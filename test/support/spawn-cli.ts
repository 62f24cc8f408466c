import { spawn, type ChildProcess } from "node:child_process";
import { CLI, type CliRun } from "./run-built-cli.js";

/** A `tidemark` process running, to wait for or to kill. */
export interface RunningCli {
  readonly child: ChildProcess;
  readonly done: Promise<CliRun & { readonly signal: NodeJS.Signals | null }>;
}

/** Starts the built CLI without a time limit (stress runs wait on locks for longer than a minute). */
export function spawnCli(args: readonly string[], cwd: string): RunningCli {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd,
    env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<CliRun & { readonly signal: NodeJS.Signals | null }>((resolve) => {
    child.on("close", (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr }));
  });
  return { child, done };
}
