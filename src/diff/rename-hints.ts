import { formatHintPath } from "./hint-path.js";
import { RenameHintError } from "./rename-hint-error.js";
import type { RenameChange } from "./rename-change.js";

/**
 * A rename in the user's spelling, each side `[kind:]name`:
 * - `users` / `public.users`: a table (unqualified: the first schema that has it, `public` first);
 * - `users.fullname` / `public.users.fullname`: a column (a two-part name is a column when its first
 *   part names a table, else a schema-qualified table);
 * - `enum:[schema.]status`, `index:[schema.]users_email_idx`, `constraint:[schema.]users.users_pkey`;
 *   `table:` and `column:` may be written too, to settle a doubt.
 * Names are written as stored (no case folding); a part with a dot, quote or `=` is double-quoted.
 */
export interface RenameHint {
  readonly from: string;
  readonly to: string;
}

export interface DiffOptions {
  /** Renames the user stated (--rename, config `renames`): always applied, never guessed. */
  readonly renames?: readonly RenameHint[];
  /** Inferred renames the user turned down (interactive prompt): written as drop and add. */
  readonly rejected?: readonly RenameHint[];
  /** Infer renames (default true). */
  readonly detectRenames?: boolean;
}

/** `old=new`, split at the `=` that is outside double quotes. */
export function parseRenameHint(text: string): RenameHint {
  let quoted = false;
  const splits: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === "=" && !quoted) splits.push(i);
  }
  const at = splits[0];
  const hint = at === undefined ? { from: text.trim(), to: "" } : { from: text.slice(0, at).trim(), to: text.slice(at + 1).trim() };
  if (splits.length !== 1 || hint.from === "" || hint.to === "") {
    throw new RenameHintError(hint, "malformed", `write it as old=new (${JSON.stringify(text)})`);
  }
  return hint;
}

/**
 * The hint that states `change`, fully qualified and with its kind: what `rejected` takes to turn
 * an inferred rename down. A column, index or constraint is named in its table's new name.
 */
export function renameHintOf(change: RenameChange): RenameHint {
  switch (change.kind) {
    case "renameTable":
      return sides("table", [change.from.schema], change.from.name, change.to.name);
    case "renameEnum":
      return sides("enum", [change.from.schema], change.from.name, change.to.name);
    case "renameColumn":
      return sides("column", [change.table.schema, change.table.name], change.from.name, change.to.name);
    case "renameIndex":
      return sides("index", [change.table.schema], change.from.name, change.to.name);
    case "renameConstraint":
      return sides("constraint", [change.table.schema, change.table.name], change.from.def.name, change.to.def.name);
    default: {
      const unknown: never = change;
      throw new Error(`unknown rename ${JSON.stringify(unknown)}`);
    }
  }
}

function sides(object: Parameters<typeof formatHintPath>[0], scope: readonly string[], from: string, to: string): RenameHint {
  return { from: formatHintPath(object, [...scope, from]), to: formatHintPath(object, [...scope, to]) };
}
