import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { globSync } from "tinyglobby";
import { afterAll, describe, expect, it } from "vitest";
import type { runCli as RunCli } from "../../../src/cli/run-cli.js";
import { CLI } from "../../support/run-built-cli.js";
import { docSteps, type DocStep } from "./doc-steps.js";
import { isProjectName, makeProject, type DocProject } from "./doc-projects.js";
import { parseShellLine } from "./shell-line.js";

/**
 * Runs the command examples of documentation pages (the convention is in doc-steps.ts), in order,
 * in one project per page, with the built CLI on the embedded database. The built CLI is loaded
 * once and called in-process (dist/cli/run-cli.js, what dist/cli/main.js calls): spawning a node
 * process per example costs 2 to 14 s each on a loaded 2-core machine, against 1 to 3 s this way,
 * and the examples number over a hundred. Blocks marked skip are listed as skipped, with why.
 */
export const REPO = new URL("../../../", import.meta.url).pathname;
const { runCli } = (await import(pathToFileURL(join(CLI, "..", "run-cli.js")).href)) as { readonly runCli: typeof RunCli };

/** Every page whose examples the docs tests run: the README and everything under docs/. */
export function documentationPages(): readonly string[] {
  return ["README.md", ...globSync(["docs/**/*.md", "docs/**/*.yml"], { cwd: REPO }).sort()];
}

/** The guide's pages whose projects start from a database (their setup is the longest). */
export const STARTING_POINT_PAGES: readonly string[] = ["docs/guide/existing-database.md", "docs/guide/from-drizzle-kit.md"];

/** A page's text as markdown: a YAML file (the workflow in docs/github-actions) is one YAML block. */
function pageMarkdown(page: string): string {
  const text = readFileSync(join(REPO, page), "utf8");
  return page.endsWith(".yml") ? `\`\`\`yaml\n${text}\n\`\`\`\n` : text;
}

interface PageState {
  project: DocProject | null;
  vars: Record<string, string>;
}

/** A describe block per page (relative to the repository) with a test per step, in order. */
export function defineDocPages(pages: readonly string[]): void {
  const notRun: string[] = [];
  // Whatever the reporter shows of skipped tests, the run ends by listing what it did not run, and why.
  afterAll(() => {
    if (notRun.length > 0) console.info(`Documented commands not run here (each still checked with --help):\n${notRun.join("\n")}`);
  });
  for (const page of pages) {
    // A YAML file's lines are one further down in its markdown form (the fence line).
    const shift = page.endsWith(".yml") ? 1 : 0;
    const steps = docSteps(pageMarkdown(page)).map((step) => ({ ...step, line: step.line - shift }));
    for (const step of steps) if (step.kind === "skip") notRun.push(`  ${page}:${step.line} ${step.command} (${step.reason})`);
    if (steps.length === 0) continue;
    describe(page, () => {
      const state: PageState = { project: null, vars: {} };
      afterAll(() => state.project?.dispose());
      for (const step of steps) defineStep(page, step, state);
    });
  }
}

function defineStep(page: string, step: DocStep, state: PageState): void {
  const where = `${page}:${step.line}`;
  switch (step.kind) {
    case "project":
      it(`${where} starts the ${step.name} project`, async () => {
        if (!isProjectName(step.name)) throw new Error(`${where}: unknown project '${step.name}'`);
        state.project?.dispose();
        state.project = await makeProject(step.name);
      });
      return;
    case "env":
      it(`${where} sets ${Object.keys(step.vars).join(", ")}`, () => {
        Object.assign(state.vars, step.vars);
      });
      return;
    case "file":
      it(`${where} writes ${step.path}`, async () => writeDocFile(await projectDir(state), step));
      return;
    case "skip":
      it.skip(`${where} not run (${step.reason}): ${step.command}`, () => undefined);
      return;
    case "syntax":
      it(`${where} $ ${step.command} --help (the command and its options exist)`, async () => {
        const run = await checkWords(step.command);
        expect(run.code, `${where}: ${step.command}\n${run.stderr}`).toBe(0);
      });
      return;
    case "run":
      it(`${where} $ ${step.command}`, async () => {
        const run = await runExample(await projectDir(state), step.command, state.vars);
        const shown = `${where}: ${step.command}\nexit ${run.code}\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`;
        expect(run.code, shown).toBe(step.exit);
        if (step.expect !== null) expect(`${run.stdout}\n${run.stderr}`, shown).toContain(step.expect);
      });
      return;
    default: {
      const unknown: never = step;
      throw new Error(`unknown step ${JSON.stringify(unknown)}`);
    }
  }
}

async function projectDir(state: PageState): Promise<string> {
  state.project ??= await makeProject("example");
  return state.project.dir;
}

async function runExample(dir: string, command: string, vars: Readonly<Record<string, string>>) {
  const line = parseShellLine(command, vars);
  const [program, ...argv] = line.words;
  if (program !== "tidemark") throw new Error(`not a tidemark command: ${command}`);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli({
    argv,
    cwd: dir,
    env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", NO_COLOR: "1", ...vars, ...line.env },
    out: { print: (text) => stdout.push(`${text}\n`), error: (text) => stderr.push(`${text}\n`) },
  });
  if (line.stdoutTo !== null) {
    const file = join(dir, line.stdoutTo.file);
    if (line.stdoutTo.append) appendFileSync(file, stdout.join(""));
    else writeFileSync(file, stdout.join(""));
  }
  return { code, stdout: stdout.join(""), stderr: stderr.join("") };
}

/** Runs a command with --help added and nothing else of it (no redirection, no variables needed). */
async function checkWords(command: string) {
  const line = parseShellLine(command, new Proxy({}, { get: () => "postgres://user@host/db" }));
  const [program, ...argv] = line.words;
  if (program !== "tidemark") throw new Error(`not a tidemark command: ${command}`);
  const stderr: string[] = [];
  const code = await runCli({ argv: [...argv, "--help"], cwd: REPO, env: {}, out: { print: () => undefined, error: (text) => stderr.push(text) } });
  return { code, stderr: stderr.join("\n") };
}

function writeDocFile(dir: string, step: Extract<DocStep, { kind: "file" }>): void {
  const matches = step.path.includes("*") ? globSync(step.path, { cwd: dir }) : [step.path];
  if (matches.length !== 1) throw new Error(`${step.path} matches ${matches.length} files in the project, not one`);
  const file = join(dir, matches[0] ?? "");
  if (step.after === null) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, step.text);
    return;
  }
  const lines = readFileSync(file, "utf8").split("\n");
  const at = lines.findIndex((line) => line.includes(step.after ?? ""));
  if (at === -1) throw new Error(`no line of ${step.path} contains '${step.after}'`);
  lines.splice(at + 1, 0, ...step.text.replace(/\n$/, "").split("\n"));
  writeFileSync(file, lines.join("\n"));
}
