/** What a revision id or branch label may be spelled with: `@`, `:` and `+` are target syntax. */
const NAME = /^[A-Za-z0-9_-]+$/;

/** The version table's `revision` column is varchar(64). */
export const MAX_NAME_LENGTH = 64;

/** Words the target syntax gives a meaning to, so no revision or label may be called this. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(["head", "heads", "base", "current"]);

/** Why `name` cannot be a revision id or branch label, or null when it can. */
export function invalidNameReason(name: string): string | null {
  if (name === "") return "it is empty";
  if (name.length > MAX_NAME_LENGTH) return `it is longer than ${MAX_NAME_LENGTH} characters (the version table's column)`;
  if (!NAME.test(name)) return "only letters, digits, `_` and `-` are allowed";
  if (RESERVED_NAMES.has(name)) return `'${name}' is a reserved word of the target syntax`;
  return null;
}
