import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Output } from "../../../src/cli/output.js";
import { runCli } from "../../../src/cli/run-cli.js";
import type { Spinner } from "../../../src/cli/spinner.js";
import { exampleProject } from "../../support/example-project.js";
import { CLI, type CliRun } from "../../support/run-built-cli.js";

// eslint-disable-next-line no-control-regex -- ANSI escapes are what is looked for
const ANSI = /\u001b\[/;
let empty: string;

/**
 * The built CLI with exactly `env` besides PATH and HOME (runBuiltCli always sets NO_COLOR): with
 * both NO_COLOR and FORCE_COLOR set, Node itself warns on stderr that NO_COLOR is ignored.
 */
function runBuilt(args: readonly string[], cwd: string, env: Readonly<Record<string, string>> = {}): Promise<CliRun> {
  const base = { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "" };
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, env: { ...base, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : -1, stdout, stderr });
    });
  });
}
let project: ReturnType<typeof exampleProject>;

beforeAll(() => {
  empty = mkdtempSync(join(tmpdir(), "tidemark-cli-experience-"));
  project = exampleProject();
});

afterAll(() => {
  rmSync(empty, { recursive: true, force: true });
  project.dispose();
});

/** Runs the CLI in-process (the built one is spawned only where the process matters: colors). */
async function tidemark(argv: readonly string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out: Output = { print: (text) => stdout.push(text), error: (text) => stderr.push(text) };
  const code = await runCli({ argv, cwd: empty, env: {}, out });
  return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
}

describe("typos get a suggestion: one line on stderr, exit 1", () => {
  const cases: readonly (readonly [readonly string[], string])[] = [
    [["upgrad"], "error: Unknown command 'upgrad'. Did you mean 'upgrade'? Run `tidemark --help` for the commands."],
    [["revision", "--autogen", "-m", "x"], "error: Unknown option '--autogen'. Did you mean '--autogenerate'? Run `tidemark revision --help` for its options."],
    [["check", "--formt", "json"], "error: Unknown option '--formt'. Did you mean '--format'? Run `tidemark check --help` for its options."],
    [["upgrade", "--autogenerate"], "error: Unknown option '--autogenerate'. It is an option of revision. Run `tidemark upgrade --help` for its options."],
    [["help", "stmp"], "error: Unknown command 'stmp'. Did you mean 'stamp'? Run `tidemark --help` for the commands."],
  ];
  for (const [args, line] of cases) {
    it(args.join(" "), async () => {
      expect(await tidemark(args)).toEqual({ code: 1, stdout: "", stderr: line });
    });
  }
});

describe("help", () => {
  it("`tidemark help <command>` prints what `tidemark <command> --help` prints, with the example", async () => {
    const help = await tidemark(["help", "downgrade"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toBe((await tidemark(["downgrade", "--help"])).stdout);
    expect(help.stdout).toContain("Usage: tidemark downgrade <target>");
    expect(help.stdout.endsWith("Example:\n  tidemark downgrade -1")).toBe(true);
  });

  it("`tidemark help` lists the commands and exits 0; bare `tidemark` exits 1", async () => {
    const help = await tidemark(["help"]);
    const bare = await tidemark([]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^ {2}upgrade +Apply migrations/m);
    expect(bare.code).toBe(1);
    expect(bare.stdout).toBe(help.stdout);
  });
});

describe("colors: only on a terminal, NO_COLOR honored, FORCE_COLOR forces them", () => {
  const summary = ["diff", "--from", "empty", "--to", "models", "--format", "summary"];

  it("a report piped is plain, plain with NO_COLOR, colored with FORCE_COLOR", async () => {
    const [piped, noColor, forced] = await Promise.all([
      runBuilt(summary, project.dir),
      runBuilt(summary, project.dir, { NO_COLOR: "1" }),
      runBuilt(summary, project.dir, { FORCE_COLOR: "1" }),
    ]);
    for (const run of [piped, noColor, forced]) expect(run.code).toBe(2);
    expect(piped.stdout).toContain("✗ empty → models: 4 changes");
    expect(piped.stdout).not.toMatch(ANSI);
    expect(noColor.stdout).toBe(piped.stdout);
    expect(forced.stdout).toContain("\u001b[31m✗\u001b[39m \u001b[1mempty → models\u001b[22m: 4 changes");
    expect(forced.stdout.replace(/\u001b\[\d+m/g, "")).toBe(piped.stdout);
  });

  it("the error line on stderr follows the same rule", async () => {
    const [piped, forced] = await Promise.all([
      runBuilt(["upgrad"], empty),
      runBuilt(["upgrad"], empty, { FORCE_COLOR: "1" }),
    ]);
    expect(piped).toEqual({ code: 1, stdout: "", stderr: "error: Unknown command 'upgrad'. Did you mean 'upgrade'? Run `tidemark --help` for the commands.\n" });
    expect(forced.stderr).toBe(`\u001b[31merror:\u001b[39m${piped.stderr.slice("error:".length)}`);
  });
});

/** A spinner that records what it is told, standing in for the terminal one. */
function recordingSpinner(events: string[]) {
  return (out: Output): Spinner => ({
    phase: (description) => events.push(`phase: ${description}`),
    out: { print: (text) => (events.push("print"), out.print(text)), error: (text) => (events.push("error"), out.error(text)) },
    paused: (work) => work(),
    stop: () => events.push("stop"),
  });
}

describe("progress", () => {
  const sink: Output = { print: () => undefined, error: () => undefined };

  it("a command tells the spinner its phases, and the spinner is stopped before the error line", async () => {
    const events: string[] = [];
    const out: Output = { print: () => events.push("printed"), error: (text) => events.push(`stderr: ${text.slice(0, 22)}`) };
    const code = await runCli({ argv: ["check"], cwd: empty, env: {}, out, spinner: recordingSpinner(events) });
    expect(code).toBe(1);
    // No migrations folder in an empty folder: check fails after its first phases.
    expect(events).toEqual([
      "phase: reading the config",
      "phase: comparing the models with the migrations (replayed in a scratch database)",
      "stop",
      "stderr: error: Migrations fold",
    ]);
  });

  it("no spinner with --format json, nor for --help", async () => {
    const events: string[] = [];
    await runCli({ argv: ["check", "--format", "json"], cwd: empty, env: {}, out: sink, spinner: recordingSpinner(events) });
    await runCli({ argv: ["check", "--help"], cwd: empty, env: {}, out: sink, spinner: recordingSpinner(events) });
    expect(events).toEqual([]);
  });
});
