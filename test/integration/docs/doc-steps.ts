/**
 * The steps a documentation page asks the docs test to take, read from its markdown.
 *
 * The convention (docs/guide/README.md, "How the examples are tested", says the same for writers):
 * - Every line in a ```sh (or bash, shell, console) block that runs tidemark — `tidemark ...`,
 *   `$ tidemark ...`, `npx tidemark ...`, `npm run tidemark -- ...`, after optional `NAME=value`
 *   words — is a command example, run in order in the page's project. Other lines (npm, psql,
 *   kubectl) are not tidemark's and are left alone.
 * - An HTML comment `<!-- doc-test: key=value ... -->` directly before a fenced block (only blank
 *   lines between) says more about that block:
 *     exit=N         every command in it exits N (default 0)
 *     expect="text"  the output (stdout and stderr) of its last command contains text
 *     skip="reason"  it is not run; the test lists it, with the reason, as skipped
 *     file=PATH      the block's text is written to PATH in the project (a `*` in PATH must
 *                    match exactly one file); with after="text", it is inserted after the first
 *                    line that contains text instead
 *     env=NAME=value a variable set for this page's later commands (repeatable as env=A=1,B=2)
 * - A tidemark command inside a YAML or Dockerfile block (`run: npx tidemark ...`, `command: ["npx",
 *   "tidemark", ...]`), and each command of a skipped block, is not run, but run with `--help`
 *   added: the command and every option must exist, or the test fails.
 *   `project=NAME` starts a fresh project (doc-projects.ts) from that point; it may stand alone.
 *   A page with no project directive runs in `example`.
 */
export type DocStep =
  | { readonly kind: "project"; readonly line: number; readonly name: string }
  | { readonly kind: "env"; readonly line: number; readonly vars: Readonly<Record<string, string>> }
  | { readonly kind: "run"; readonly line: number; readonly command: string; readonly exit: number; readonly expect: string | null }
  | { readonly kind: "skip"; readonly line: number; readonly command: string; readonly reason: string }
  /** A command in a config block (YAML, a Dockerfile) or a skipped one: its words are checked with --help, not run. */
  | { readonly kind: "syntax"; readonly line: number; readonly command: string }
  | { readonly kind: "file"; readonly line: number; readonly path: string; readonly after: string | null; readonly text: string };

const SHELL_LANGUAGES = new Set(["sh", "bash", "shell", "console"]);
const CONFIG_LANGUAGES = new Set(["yaml", "yml", "dockerfile", "Dockerfile"]);
const DIRECTIVE = /^<!--\s*doc-test:(.*?)-->\s*$/;
const KEYS = new Set(["project", "exit", "expect", "skip", "file", "after", "env"]);
const TIDEMARK_LINE = /^(?:\$\s+)?(?:[A-Z_][A-Z0-9_]*=\S*\s+)*(?:tidemark|npx tidemark|npm run tidemark --)(?:\s|$)/;

/** The command part of a line, with the prefix users type (`npx`, `npm run ... --`) made plain `tidemark`. */
export function commandOf(line: string): string | null {
  const text = line.trim();
  if (!TIDEMARK_LINE.test(text)) return null;
  return text.replace(/^\$\s+/, "").replace(/(^|\s)(?:npx tidemark|npm run tidemark --)(?=\s|$)/, "$1tidemark");
}

export function docSteps(markdown: string): readonly DocStep[] {
  const lines = markdown.split("\n");
  const steps: DocStep[] = [];
  let pending: { readonly line: number; readonly values: Readonly<Record<string, string>> } | null = null;
  for (let i = 0; i < lines.length; i += 1) {
    const text = lines[i] ?? "";
    const directive = DIRECTIVE.exec(text.trim());
    if (directive !== null) {
      if (pending !== null) steps.push(...standalone(pending));
      pending = { line: i + 1, values: parseDirective(directive[1] ?? "", i + 1) };
      continue;
    }
    const fence = /^(\s*)(```+|~~~+)\s*([\w-]*)/.exec(text);
    if (fence === null) {
      if (text.trim() !== "" && pending !== null) {
        steps.push(...standalone(pending));
        pending = null;
      }
      continue;
    }
    const close = lines.findIndex((candidate, at) => at > i && candidate.trim().startsWith(fence[2] ?? "```"));
    if (close === -1) throw new Error(`line ${i + 1}: a code block that is never closed`);
    const body = lines.slice(i + 1, close);
    steps.push(...blockSteps(i + 2, fence[3] ?? "", body, pending?.values ?? {}));
    pending = null;
    i = close;
  }
  if (pending !== null) steps.push(...standalone(pending));
  return steps;
}

function standalone(pending: { readonly line: number; readonly values: Readonly<Record<string, string>> }): readonly DocStep[] {
  const blockKeys = Object.keys(pending.values).filter((key) => key !== "project" && key !== "env");
  if (blockKeys.length > 0) throw new Error(`line ${pending.line}: ${blockKeys.join(", ")} must come right before a code block`);
  return leadingSteps(pending.line, pending.values);
}

function leadingSteps(line: number, values: Readonly<Record<string, string>>): readonly DocStep[] {
  const steps: DocStep[] = [];
  if (values["project"] !== undefined) steps.push({ kind: "project", line, name: values["project"] });
  if (values["env"] !== undefined) steps.push({ kind: "env", line, vars: parseEnv(values["env"], line) });
  return steps;
}

function blockSteps(first: number, language: string, body: readonly string[], values: Readonly<Record<string, string>>): readonly DocStep[] {
  const steps: DocStep[] = [...leadingSteps(first - 1, values)];
  if (values["file"] !== undefined) {
    steps.push({ kind: "file", line: first, path: values["file"], after: values["after"] ?? null, text: `${body.join("\n")}\n` });
    return steps;
  }
  if (CONFIG_LANGUAGES.has(language)) return [...steps, ...configCommands(first, body)];
  if (!SHELL_LANGUAGES.has(language)) return steps;
  const commands = joinContinuations(first, body).flatMap(({ line, text }) => {
    const command = commandOf(text);
    return command === null ? [] : [{ line, command }];
  });
  const exit = Number(values["exit"] ?? "0");
  commands.forEach(({ line, command }, index) => {
    const skip = values["skip"];
    const last = index === commands.length - 1;
    if (skip === undefined) steps.push({ kind: "run", line, command, exit, expect: last ? (values["expect"] ?? null) : null });
    else steps.push({ kind: "skip", line, command, reason: skip }, { kind: "syntax", line, command });
  });
  if (commands.length === 0 && (values["exit"] !== undefined || values["skip"] !== undefined)) {
    throw new Error(`line ${first - 1}: exit or skip on a block with no tidemark command`);
  }
  return steps;
}

/** `run: npx tidemark ...` and `command: ["npx", "tidemark", ...]` lines of a YAML or Dockerfile block. */
function configCommands(first: number, body: readonly string[]): readonly DocStep[] {
  return body.flatMap((text, index): DocStep[] => {
    const array = /\[\s*("npx",\s*)?"tidemark".*\]/.exec(text);
    if (array !== null) {
      const words = JSON.parse(array[0]) as readonly string[];
      return [{ kind: "syntax", line: first + index, command: words.filter((word) => word !== "npx").map(shellQuote).join(" ") }];
    }
    // `npx tidemark ...` (or `run: tidemark ...`) up to the first shell operator; comments are prose.
    const inline = text.trim().startsWith("#") ? null : /(?:^|\s)(npx tidemark\s.*|(?<=run:\s*)tidemark\s.*)$/.exec(text.trim());
    const command = inline === null ? null : commandOf((inline[1] ?? "").split(/\s(?:\|\|?|&&|>>?|2>|;)(?:\s|$)/)[0] ?? "");
    return command === null ? [] : [{ kind: "syntax", line: first + index, command }];
  });
}

function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

function joinContinuations(first: number, body: readonly string[]): readonly { readonly line: number; readonly text: string }[] {
  const joined: { line: number; text: string }[] = [];
  let open: { line: number; text: string } | null = null;
  body.forEach((text, index) => {
    const piece = text.replace(/\\$/, "");
    if (open === null) open = { line: first + index, text: piece };
    else open.text = `${open.text} ${piece.trim()}`;
    if (!text.endsWith("\\")) {
      joined.push(open);
      open = null;
    }
  });
  if (open !== null) joined.push(open);
  return joined;
}

function parseDirective(text: string, line: number): Readonly<Record<string, string>> {
  const values: Record<string, string> = {};
  const pattern = /([a-z]+)=(?:"((?:[^"\\]|\\.)*)"|(\S+))/g;
  let rest = text;
  for (const match of text.matchAll(pattern)) {
    const key = match[1] ?? "";
    if (!KEYS.has(key)) throw new Error(`line ${line}: unknown doc-test key '${key}'`);
    values[key] = (match[2] ?? match[3] ?? "").replace(/\\(.)/g, "$1");
    rest = rest.replace(match[0], "");
  }
  if (rest.trim() !== "") throw new Error(`line ${line}: cannot read doc-test directive part '${rest.trim()}'`);
  return values;
}

function parseEnv(text: string, line: number): Readonly<Record<string, string>> {
  const vars: Record<string, string> = {};
  for (const pair of text.split(",")) {
    const at = pair.indexOf("=");
    if (at <= 0) throw new Error(`line ${line}: env must be NAME=value[,NAME=value]`);
    vars[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return vars;
}
