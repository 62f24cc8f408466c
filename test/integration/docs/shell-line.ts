/**
 * One line of a documented shell example, read the way a POSIX shell would for the few forms the
 * docs use: `NAME=value` prefixes, quotes, `$NAME` and `${NAME}`, `> file`, `>> file`, `| program`
 * and a trailing `# comment`. Anything else a shell does (`&&`, `;`, subshells) is refused, so
 * that an example the test cannot run faithfully fails instead of being run differently.
 */
export interface ShellLine {
  /** `NAME=value` words before the program. */
  readonly env: Readonly<Record<string, string>>;
  /** The program and its arguments, expanded. */
  readonly words: readonly string[];
  /** `> file` or `>> file`: where stdout goes. */
  readonly stdoutTo: { readonly file: string; readonly append: boolean } | null;
  /** The program after `|`, as written (it is not run: the tidemark part is). */
  readonly pipedTo: string | null;
}

type Token = { readonly kind: "word"; readonly text: string } | { readonly kind: "op"; readonly text: ">" | ">>" | "|" };

export function parseShellLine(line: string, vars: Readonly<Record<string, string | undefined>>): ShellLine {
  const tokens = tokenize(line, vars);
  const pipe = tokens.findIndex((token) => token.kind === "op" && token.text === "|");
  const own = pipe === -1 ? tokens : tokens.slice(0, pipe);
  const pipedTo = pipe === -1 ? null : line.slice(line.indexOf("|") + 1).replace(/\s+#.*$/, "").trim();
  const env: Record<string, string> = {};
  const words: string[] = [];
  let stdoutTo: ShellLine["stdoutTo"] = null;
  for (let i = 0; i < own.length; i += 1) {
    const token = own[i];
    if (token === undefined) break;
    if (token.kind === "op") {
      const target = own[i + 1];
      if (target?.kind !== "word") throw new Error(`'${token.text}' without a file in: ${line}`);
      stdoutTo = { file: target.text, append: token.text === ">>" };
      i += 1;
    } else if (words.length === 0 && /^[A-Z_][A-Z0-9_]*=/.test(token.text)) {
      const at = token.text.indexOf("=");
      env[token.text.slice(0, at)] = token.text.slice(at + 1);
    } else {
      words.push(token.text);
    }
  }
  return { env, words, stdoutTo, pipedTo };
}

function tokenize(line: string, vars: Readonly<Record<string, string | undefined>>): readonly Token[] {
  const tokens: Token[] = [];
  let word: string | null = null;
  let i = 0;
  const end = () => {
    if (word !== null) tokens.push({ kind: "word", text: word });
    word = null;
  };
  while (i < line.length) {
    const char = line[i] ?? "";
    if (/\s/.test(char)) {
      end();
      i += 1;
    } else if (char === "#" && word === null) {
      break;
    } else if (char === "|" || char === ">") {
      end();
      const op = line.startsWith(">>", i) ? ">>" : char === ">" ? ">" : "|";
      if (line.startsWith("||", i)) throw new Error(`'||' is not supported in a documented example: ${line}`);
      tokens.push({ kind: "op", text: op });
      i += op.length;
    } else if (char === "&" || char === ";" || char === "(" || char === "`" || char === "<") {
      throw new Error(`'${char}' is not supported in a documented example (one command per line): ${line}`);
    } else if (char === "'") {
      const close = line.indexOf("'", i + 1);
      if (close === -1) throw new Error(`unclosed ' in: ${line}`);
      word = (word ?? "") + line.slice(i + 1, close);
      i = close + 1;
    } else if (char === '"') {
      const [text, next] = doubleQuoted(line, i + 1, vars);
      word = (word ?? "") + text;
      i = next;
    } else if (char === "$") {
      const [text, next] = variable(line, i, vars);
      word = (word ?? "") + text;
      i = next;
    } else if (char === "\\") {
      word = (word ?? "") + (line[i + 1] ?? "");
      i += 2;
    } else {
      word = (word ?? "") + char;
      i += 1;
    }
  }
  end();
  return tokens;
}

function doubleQuoted(line: string, start: number, vars: Readonly<Record<string, string | undefined>>): [string, number] {
  let text = "";
  let i = start;
  while (i < line.length && line[i] !== '"') {
    const char = line[i] ?? "";
    if (char === "\\" && /["\\$`]/.test(line[i + 1] ?? "")) {
      text += line[i + 1] ?? "";
      i += 2;
    } else if (char === "$") {
      const [value, next] = variable(line, i, vars);
      text += value;
      i = next;
    } else {
      text += char;
      i += 1;
    }
  }
  if (i >= line.length) throw new Error(`unclosed " in: ${line}`);
  return [text, i + 1];
}

function variable(line: string, start: number, vars: Readonly<Record<string, string | undefined>>): [string, number] {
  const match = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/.exec(line.slice(start));
  if (match === null) return ["$", start + 1];
  const name = match[1] ?? match[2] ?? "";
  const value = vars[name];
  if (value === undefined) throw new Error(`$${name} is not set for this example: mark its block with skip="..." or set it first`);
  return [value, start + match[0].length];
}
