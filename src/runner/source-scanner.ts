/** One token at the top level of a module (see `scanTopLevel`). */
export interface Token {
  readonly kind: "word" | "string" | "template" | "number" | "punct" | "regex";
  readonly text: string;
  /** A string or substitution-free template's value, escapes decoded; the text otherwise. */
  readonly value: string;
  /** A template literal with `${...}`, which is not a literal value. */
  readonly substituted: boolean;
  readonly start: number;
  /** Whether a line break comes between this token and the previous one (at any depth). */
  readonly newlineBefore: boolean;
}

/** Keywords after which a `/` starts a regular expression rather than a division. */
const REGEX_AFTER_WORD = new Set(["return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await"]);
const WORD = /[\w$\u0080-\uffff]+/y;
const NUMBER = /[\w.]+/y;
const DOUBLE_QUOTED = /(?:[^"\\\n]|\\[\s\S])*/y;
const SINGLE_QUOTED = /(?:[^'\\\n]|\\[\s\S])*/y;
/** A template's text up to its closing backtick or its next `${`. */
const TEMPLATE_TEXT = /(?:[^`\\$]|\\[\s\S]|\$(?!\{))*/y;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isWordStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code === 36 || code >= 0x80;
}

class Scanner {
  private readonly tokens: Token[] = [];
  private i = 0;
  private depth = 0;
  /** Brace depths at which a template's `${` was opened, innermost last. */
  private readonly substitutions: number[] = [];
  private newline = false;
  private regexAllowed = true;

  constructor(private readonly source: string) {}

  scan(): readonly Token[] {
    const { source } = this;
    if (source.startsWith("#!")) this.skipLine();
    while (this.i < source.length) this.step();
    return this.tokens;
  }

  private step(): void {
    const { source } = this;
    const code = source.charCodeAt(this.i);
    const char = source[this.i] ?? "";
    const next = source[this.i + 1] ?? "";
    if (code === 10) {
      this.newline = true;
      this.i++;
    } else if (code === 32 || code === 9 || code === 13 || code === 0xfeff) {
      this.i++;
    } else if (char === "/" && next === "/") {
      this.skipLine();
    } else if (char === "/" && next === "*") {
      this.blockComment();
    } else if (char === '"' || char === "'") {
      this.quoted(char);
    } else if (char === "`") {
      this.template(this.i, this.i + 1);
    } else if (char === "}" && this.substitutions.at(-1) === this.depth - 1) {
      this.substitutions.pop();
      this.depth--;
      this.template(null, this.i + 1);
    } else if (isWordStart(code)) {
      this.word();
    } else if (isDigit(code) || (char === "." && isDigit(next.charCodeAt(0)))) {
      this.number();
    } else if (char === "/" && this.regexAllowed && this.regex()) {
      this.regexAllowed = false;
    } else {
      this.punct(char, next);
    }
  }

  private blockComment(): void {
    const end = this.source.indexOf("*/", this.i + 2);
    const stop = end < 0 ? this.source.length : end + 2;
    if (this.source.slice(this.i, stop).includes("\n")) this.newline = true;
    this.i = stop;
  }

  private word(): void {
    WORD.lastIndex = this.i;
    WORD.test(this.source);
    const text = this.source.slice(this.i, WORD.lastIndex);
    this.emit("word", this.i, WORD.lastIndex, text, false);
    this.regexAllowed = REGEX_AFTER_WORD.has(text);
  }

  private number(): void {
    NUMBER.lastIndex = this.i;
    NUMBER.test(this.source);
    this.emit("number", this.i, NUMBER.lastIndex, this.source.slice(this.i, NUMBER.lastIndex), false);
    this.regexAllowed = false;
  }

  private punct(char: string, next: string): void {
    const start = this.i;
    let length = 1;
    if (char === "=" && (next === "=" || next === ">")) length = this.source[start + 2] === "=" ? 3 : 2;
    else if ((char === "!" || char === "<" || char === ">") && next === "=") length = 2;
    this.i += length;
    const text = this.source.slice(start, start + length);
    if (char === "{") this.depth++;
    if (char === "}") this.depth = Math.max(0, this.depth - 1);
    const visible = this.depth === 0 || (char === "{" && this.depth === 1);
    if (visible) this.tokens.push({ kind: "punct", text, value: text, substituted: false, start, newlineBefore: this.newline });
    this.newline = false;
    this.regexAllowed = text !== ")" && text !== "]";
  }

  private quoted(quote: string): void {
    const { source } = this;
    const start = this.i;
    const body = quote === '"' ? DOUBLE_QUOTED : SINGLE_QUOTED;
    body.lastIndex = start + 1;
    body.test(source);
    const end = body.lastIndex;
    const closed = source[end] === quote;
    const value = this.depth === 0 ? decodeEscapes(source.slice(start + 1, end)) : "";
    this.emit("string", start, closed ? end + 1 : end, value, false);
    this.regexAllowed = false;
  }

  /** A template literal's text from `from` to its closing backtick or its next `${`. */
  private template(start: number | null, from: number): void {
    const { source } = this;
    TEMPLATE_TEXT.lastIndex = from;
    TEMPLATE_TEXT.test(source);
    const end = TEMPLATE_TEXT.lastIndex;
    const newline = source.indexOf("\n", from);
    if (newline >= 0 && newline < end) this.newline = true;
    const substituted = source[end] === "$";
    if (start !== null) {
      const value = this.depth === 0 ? decodeEscapes(source.slice(from, end)) : "";
      this.emit("template", start, end + 1, value, substituted);
    }
    if (substituted) {
      this.substitutions.push(this.depth);
      this.depth++;
      this.i = end + 2;
      this.regexAllowed = true;
    } else {
      this.i = end + 1;
      this.regexAllowed = false;
    }
  }

  /** Skips a regular expression literal; false (nothing consumed) when it does not close on its line. */
  private regex(): boolean {
    const { source } = this;
    let end = this.i + 1;
    let inClass = false;
    while (end < source.length && source[end] !== "\n") {
      const char = source[end];
      if (char === "\\") end++;
      else if (char === "[") inClass = true;
      else if (char === "]") inClass = false;
      else if (char === "/" && !inClass) break;
      end++;
    }
    if (source[end] !== "/") return false;
    end++;
    while (end < source.length && /[a-z]/.test(source[end] ?? "")) end++;
    this.emit("regex", this.i, end, source.slice(this.i, end), false);
    this.i = end;
    return true;
  }

  private emit(kind: Token["kind"], start: number, end: number, value: string, substituted: boolean): void {
    if (this.depth === 0) {
      this.tokens.push({ kind, text: this.source.slice(start, end), value, substituted, start, newlineBefore: this.newline });
    }
    this.newline = false;
    this.i = end;
  }

  private skipLine(): void {
    const end = this.source.indexOf("\n", this.i);
    this.i = end < 0 ? this.source.length : end;
  }
}

/**
 * The tokens at the top level of a TypeScript or JavaScript module (brace depth 0, plus the braces
 * that enter and leave depth 1): enough to read `export const revision = "..."` without parsing or
 * running the file. Comments, strings, template literals (with nested `${...}`) and regular
 * expressions are skipped correctly at every depth, so braces inside them do not upset the count.
 */
export function scanTopLevel(source: string): readonly Token[] {
  return new Scanner(source).scan();
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", v: "\v", 0: "\0" };

/** A string literal's body with its escapes decoded. */
export function decodeEscapes(body: string): string {
  if (!body.includes("\\")) return body;
  return body.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|[\s\S])/g, (_, escape: string) => {
    if (escape.startsWith("u{")) return String.fromCodePoint(parseInt(escape.slice(2, -1), 16));
    if (escape.length > 1 && (escape[0] === "u" || escape[0] === "x")) return String.fromCharCode(parseInt(escape.slice(1), 16));
    if (escape === "\n" || escape === "\r\n" || escape === "\r") return "";
    return SIMPLE_ESCAPES[escape] ?? escape;
  });
}

/**
 * The first line of text of the comment `/** ... *\/` that opens the file (after a shebang and line
 * comments), without its `*` margin; "" when the file opens otherwise.
 */
export function leadingDocMessage(source: string): string {
  const opening = /^\ufeff?(?:#![^\n]*\n)?(?:\s|\/\/[^\n]*\n)*\/\*\*(?!\/)([\s\S]*?)\*\//.exec(source);
  if (opening === null) return "";
  for (const line of (opening[1] ?? "").split("\n")) {
    // The codegen writes `*/` in a message as `*\/`, so that it cannot close the comment.
    const text = line.replace(/^\s*\*?/, "").trim().replaceAll("*\\/", "*/");
    if (text !== "") return text;
  }
  return "";
}
