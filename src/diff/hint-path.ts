import { quoteIdent } from "../ir/quote.js";

/** The kinds of object a rename can name. */
export type RenamedObject = "table" | "column" | "enum" | "index" | "constraint";

/** One side of a stated rename: an optional kind and the dotted name's parts, unquoted. */
export interface HintPath {
  /** Null when the hint has no `kind:` prefix: a table or a column, told apart by the schemas. */
  readonly object: RenamedObject | null;
  readonly parts: readonly string[];
}

const PREFIX = /^\s*(table|column|enum|index|constraint)\s*:/;

/**
 * `[kind:]a.b.c`, where a part is written as stored (no case folding) or double-quoted (`""` is a
 * quote) when it holds a dot, a quote, an `=` or surrounding spaces. Null when it does not parse.
 */
export function parseHintPath(text: string): HintPath | null {
  const prefix = PREFIX.exec(text);
  const parts: string[] = [];
  let at = prefix === null ? 0 : prefix[0].length;
  for (;;) {
    const part = readPart(text, at);
    if (part === null) return null;
    parts.push(part.value);
    at = part.end;
    while (text[at] === " ") at += 1;
    if (at === text.length) break;
    if (text[at] !== ".") return null;
    at += 1;
  }
  return { object: (prefix?.[1] as RenamedObject | undefined) ?? null, parts };
}

function readPart(text: string, start: number): { readonly value: string; readonly end: number } | null {
  let at = start;
  while (text[at] === " ") at += 1;
  if (text[at] !== '"') {
    const end = [".", '"'].map((stop) => text.indexOf(stop, at)).filter((i) => i >= 0).reduce((a, b) => Math.min(a, b), text.length);
    const value = text.slice(at, end).trim();
    return value === "" ? null : { value, end };
  }
  let value = "";
  for (at += 1; at < text.length; at += 1) {
    if (text[at] !== '"') {
      value += text[at];
    } else if (text[at + 1] === '"') {
      value += '"';
      at += 1;
    } else {
      return value === "" ? null : { value, end: at + 1 };
    }
  }
  return null;
}

/** The spelling `parseHintPath` reads back: `kind:part.part`, each part quoted where it must be. */
export function formatHintPath(object: RenamedObject, parts: readonly string[]): string {
  return `${object}:${parts.map(quoteIdent).join(".")}`;
}
