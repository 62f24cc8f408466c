import { createdLine, mergedRevisions, revisesLine, type RevisionMetadata } from "./revision-metadata.js";

/** What the doc comment lists: one line per change, one per warning (without `WARNING: `). */
export interface CommentBody {
  readonly summary: readonly string[];
  readonly warnings: readonly string[];
}

/** Shown when the author gave no message, as Alembic does, so that the first line is never metadata. */
export const EMPTY_MESSAGE = "empty message";

/**
 * The file's leading doc comment: the message, the revision metadata, the changes and the
 * warnings. Nothing in it can end the comment early: `*\/` anywhere is escaped.
 */
export function docComment(meta: RevisionMetadata, body: CommentBody): string {
  const sections: (readonly string[])[] = [
    messageLines(meta.message),
    [`Revision: ${meta.revision}`, `Revises: ${revisesLine(meta.revises)}`, `Created: ${createdLine(meta.createdAt)}`],
  ];
  const parents = mergedRevisions(meta.revises);
  if (parents !== null) sections.push([`Merge of ${parents.join(", ")}`]);
  if (body.summary.length > 0) sections.push(["Changes:", ...body.summary.map((line) => `- ${line}`)]);
  if (body.warnings.length > 0) sections.push(body.warnings.map((line) => `WARNING: ${line}`));
  const lines = sections.flatMap((section, i) => (i === 0 ? section : ["", ...section]));
  return ["/**", ...lines.map((line) => (line === "" ? " *" : ` * ${commentSafe(line)}`)), " */"].join("\n");
}

/** The message, one comment line per line of it, trailing blanks trimmed. */
function messageLines(message: string): readonly string[] {
  const trimmed = message.trim();
  if (trimmed === "") return [EMPTY_MESSAGE];
  return trimmed.split(/\r\n|[\n\r\u2028\u2029]/u).map((line) => line.trimEnd());
}

/**
 * Text that stays inside a block comment on one line: `*\/` cannot close it, line breaks cannot
 * leave the ` * ` margin, and a lone surrogate (not writable as UTF-8) becomes U+FFFD.
 */
export function commentSafe(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]/gu, " ")
    .replace(/[\uD800-\uDFFF]/gu, "\uFFFD")
    .replaceAll("*/", "*\\/");
}
