import type { Token } from "./source-scanner.js";

/** A value written as a literal in the source. */
export type Literal =
  | { readonly kind: "string"; readonly value: string }
  | { readonly kind: "null" }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "array"; readonly items: readonly Literal[] };

/** One top-level export: a function (or a `const` that holds one), or a `const` with its value. */
export type TopLevelExport =
  | { readonly form: "function"; readonly name: string; readonly start: number }
  /** `value` is null when the initializer is not a literal. */
  | { readonly form: "value"; readonly name: string; readonly start: number; readonly value: Literal | null };

/** Names whose `export const` is a function, not metadata: its value is not read. */
const FUNCTION_NAMES: ReadonlySet<string> = new Set(["up", "down"]);

/**
 * The module's top-level `export function f` / `export async function f` / `export const|let|var
 * x[: Type] = <literal> [as const]` statements, in source order. Other exports are skipped.
 */
export function topLevelExports(tokens: readonly Token[]): readonly TopLevelExport[] {
  const found: TopLevelExport[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token?.kind !== "word" || token.text !== "export" || !startsStatement(tokens, i)) continue;
    const parsed = exportAt(tokens, i + 1, token.start);
    if (parsed !== null) found.push(parsed);
  }
  return found;
}

function startsStatement(tokens: readonly Token[], i: number): boolean {
  const previous = tokens[i - 1];
  return previous === undefined || previous.text === ";" || previous.text === "}" || tokens[i]?.newlineBefore === true;
}

function exportAt(tokens: readonly Token[], i: number, start: number): TopLevelExport | null {
  let at = i;
  if (wordAt(tokens, at) === "async") at++;
  if (wordAt(tokens, at) === "function") {
    if (tokens[at + 1]?.text === "*") at++;
    const name = wordAt(tokens, at + 1);
    return name === null ? null : { form: "function", name, start };
  }
  const keyword = wordAt(tokens, at);
  if (keyword !== "const" && keyword !== "let" && keyword !== "var") return null;
  const name = wordAt(tokens, at + 1);
  if (name === null) return null;
  const equals = initializerAt(tokens, at + 2);
  if (FUNCTION_NAMES.has(name)) return { form: "function", name, start };
  if (equals === null) return { form: "value", name, start, value: null };
  const parsed = literalAt(tokens, equals + 1);
  const value = parsed !== null && endsStatement(tokens, skipAsConst(tokens, parsed.next)) ? parsed.literal : null;
  return { form: "value", name, start, value };
}

/** The index of the `=` after a declared name, skipping a type annotation; null when there is none. */
function initializerAt(tokens: readonly Token[], i: number): number | null {
  if (tokens[i]?.text === "=") return i;
  if (tokens[i]?.text !== ":") return null;
  for (let at = i + 1; at < tokens.length; at++) {
    const text = tokens[at]?.text;
    if (text === "=") return at;
    if (text === ";" || text === "export") return null;
  }
  return null;
}

function literalAt(tokens: readonly Token[], i: number): { readonly literal: Literal; readonly next: number } | null {
  const token = tokens[i];
  if (token === undefined) return null;
  if (token.kind === "string" || (token.kind === "template" && !token.substituted)) {
    return { literal: { kind: "string", value: token.value }, next: i + 1 };
  }
  if (token.kind === "word" && token.text === "null") return { literal: { kind: "null" }, next: i + 1 };
  if (token.kind === "word" && (token.text === "true" || token.text === "false")) {
    return { literal: { kind: "boolean", value: token.text === "true" }, next: i + 1 };
  }
  if (token.text === "[") return arrayAt(tokens, i + 1);
  return null;
}

function arrayAt(tokens: readonly Token[], i: number): { readonly literal: Literal; readonly next: number } | null {
  const items: Literal[] = [];
  let at = i;
  for (;;) {
    if (tokens[at]?.text === "]") return { literal: { kind: "array", items }, next: at + 1 };
    const item = literalAt(tokens, at);
    if (item === null) return null;
    items.push(item.literal);
    at = item.next;
    const separator = tokens[at]?.text;
    if (separator === ",") at++;
    else if (separator !== "]") return null;
  }
}

function skipAsConst(tokens: readonly Token[], i: number): number {
  return wordAt(tokens, i) === "as" && wordAt(tokens, i + 1) === "const" ? i + 2 : i;
}

/** Whether the statement ends at `i`: a `;`, the end of the file, or a new line starting a new statement. */
function endsStatement(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  return token === undefined || token.text === ";" || (token.newlineBefore && token.kind === "word");
}

function wordAt(tokens: readonly Token[], i: number): string | null {
  const token = tokens[i];
  return token?.kind === "word" ? token.text : null;
}
