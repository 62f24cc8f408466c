/*
 * Text placed in a GitHub comment so that it shows as it is: no name, warning or error can turn
 * into markup, close a code block, or mention someone.
 */

/**
 * A zero-width space as an HTML entity, put after every `@` of plain text: GitHub turns `@name`
 * and `@org/team` into a mention (a notification to them), but not `@&#8203;name`, which still
 * shows as `@name`. Dependabot and Renovate break mentions in their comments the same way.
 */
const MENTION_BREAK = "&#8203;";

/**
 * Text with every character markdown or HTML could read as markup escaped by a backslash, line
 * breaks made spaces, and each `@` kept from mentioning anyone.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r?\n|\r/gu, " ")
    .replace(/[\\`*_[\]<>|~&#!]/gu, (char) => `\\${char}`)
    .replace(/@/gu, `@${MENTION_BREAK}`);
}

/**
 * Inline code that holds any text: a backtick run longer than any in the text, padded with a
 * space where the text starts or ends with a backtick (CommonMark strips one space each side);
 * line breaks become spaces. A `|` needs nothing here: the comment has no tables, and a backslash
 * inside code would be shown as it is. An `@` needs nothing either: GitHub mentions no one in code.
 */
export function inlineCode(text: string): string {
  const flat = text.replace(/\r?\n|\r/gu, " ");
  const ticks = "`".repeat(longestBacktickRun(flat) + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}

/** A fence for a code block holding `text`: longer than any backtick run in it, so none can close it. */
export function codeFence(text: string): string {
  return "`".repeat(Math.max(3, longestBacktickRun(text) + 1));
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.matchAll(/`+/gu)) longest = Math.max(longest, run[0].length);
  return longest;
}
