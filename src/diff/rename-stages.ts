import { keyOf, type QualifiedName } from "../ir/qualified-name.js";
import type { Table } from "../ir/table.js";
import type { RenamedObject } from "./hint-path.js";
import { matchRenames } from "./match-renames.js";
import type { RenameNote } from "./rename-note.js";
import { ignoreMisfit, resolveObjectHint, throwMisfit, type MemberHint, type ParsedHint } from "./resolve-rename-hints.js";
import { RenameHintError } from "./rename-hint-error.js";
import { derivedName, nameForms, similarForms, similarNames, type NameSubstitution } from "./similar-names.js";

/** One rename a stage settled on: the object under its old name and under its new one. */
export interface Renamed<T> {
  readonly from: T;
  readonly to: T;
  readonly inferred: boolean;
}

export interface StageResult<T> {
  readonly renamed: readonly Renamed<T>[];
  readonly notes: readonly RenameNote[];
}

/** What a stage is told: the stated renames, the turned-down ones, and whether to guess. */
export interface StageHints<H> {
  readonly stated: readonly H[];
  readonly rejected: readonly H[];
  readonly infer: boolean;
}

/**
 * Enums or tables, schema by schema: the stated renames, then each dropped object paired with the
 * added one of the same schema whose fingerprint is equal and whose name is similar.
 */
export function renameObjects<T extends QualifiedName>(
  object: "enum" | "table",
  from: Readonly<Record<string, T>>,
  to: Readonly<Record<string, T>>,
  hints: StageHints<ParsedHint>,
  fingerprint: (item: T) => string,
): StageResult<T> {
  const stated = uniquePairs(hints.stated.map((hint) => resolveObjectHint(hint, from, to, throwMisfit)), hints.stated);
  const rejected = new Set(hints.rejected.map((hint) => resolveObjectHint(hint, from, to, ignoreMisfit)).map(pairKey));
  const renamed: Renamed<T>[] = stated.map((pair) => ({ from: at(from, pair.from), to: at(to, pair.to), inferred: false }));
  if (!hints.infer) return { renamed, notes: [] };
  const taken = new Set(stated.flatMap((pair) => [pair.from, pair.to]));
  const dropped = Object.entries(from).filter(([key]) => !Object.hasOwn(to, key) && !taken.has(key)).map(([, item]) => item);
  const added = Object.entries(to).filter(([key]) => !Object.hasOwn(from, key) && !taken.has(key)).map(([, item]) => item);
  const forms = new Map([...dropped, ...added].map((item) => [item, nameForms(item.name)]));
  const similar = (a: T, b: T) => similarForms(forms.get(a) ?? nameForms(a.name), forms.get(b) ?? nameForms(b.name));
  const matches = matchRenames(dropped, added, {
    fingerprint: (item) => `${item.schema}\n${fingerprint(item)}`,
    link: (a, b) => (similar(a, b) && !rejected.has(pairKey({ from: keyOf(a), to: keyOf(b) })) ? true : null),
  });
  const notes = matches.ambiguous.map((group): RenameNote => ({
    kind: "ambiguousRename", object, dropped: group.dropped.map(keyOf), added: group.added.map(keyOf),
  }));
  return { renamed: [...renamed, ...matches.pairs], notes };
}

/** How a stage finds and names the members of a table (columns, indexes, constraints). */
export interface MemberKind<T> {
  readonly object: Exclude<RenamedObject, "enum" | "table">;
  readonly members: (table: Table) => readonly T[];
  /** The members' names alone, to pass over tables whose names did not change (most of them). */
  readonly names: (table: Table) => readonly string[];
  readonly name: (member: T) => string;
  readonly fingerprint: (member: T) => string;
}

/**
 * Members of one table on both sides (the table under its new name): the stated renames, then
 * names derived from renames already made (`users_pkey` → `people_pkey`), then, when guessing,
 * similar names.
 */
export function renameMembers<T>(
  kind: MemberKind<T>,
  tables: { readonly from: Table; readonly to: Table },
  hints: StageHints<MemberHint>,
  substitutions: readonly NameSubstitution[],
): StageResult<T> {
  const before = new Map(kind.members(tables.from).map((member) => [kind.name(member), member]));
  const after = new Map(kind.members(tables.to).map((member) => [kind.name(member), member]));
  const renamed: Renamed<T>[] = hints.stated.map((hint) => ({ from: got(before, hint.from), to: got(after, hint.to), inferred: false }));
  const taken = new Set(hints.stated.flatMap((hint) => [`from:${hint.from}`, `to:${hint.to}`]));
  const dropped = [...before].filter(([name]) => !after.has(name) && !taken.has(`from:${name}`)).map(([, member]) => member);
  const added = [...after].filter(([name]) => !before.has(name) && !taken.has(`to:${name}`)).map(([, member]) => member);
  const rejected = new Set(hints.rejected.map(pairKey));
  const matches = matchRenames(dropped, added, {
    fingerprint: kind.fingerprint,
    link: (a, b) => {
      const [from, to] = [kind.name(a), kind.name(b)];
      if (rejected.has(pairKey({ from, to }))) return null;
      const derived = derivedName(from, to, substitutions);
      return derived !== null ? derived : hints.infer && similarNames(from, to) ? true : null;
    },
  });
  const table: QualifiedName = { schema: tables.to.schema, name: tables.to.name };
  const notes = matches.ambiguous.map((group): RenameNote => ({
    kind: "ambiguousRename", object: kind.object, table, dropped: group.dropped.map(kind.name), added: group.added.map(kind.name),
  }));
  return { renamed: [...renamed, ...matches.pairs], notes };
}

/** Stated renames must not start from one object twice nor reach one twice. */
function uniquePairs<P extends { readonly from: string; readonly to: string }>(pairs: readonly (P | null)[], hints: readonly ParsedHint[]): P[] {
  const seen = new Set<string>();
  return pairs.flatMap((pair, i) => {
    if (pair === null) return [];
    for (const end of [`from:${pair.from}`, `to:${pair.to}`]) {
      const hint = hints[i]?.hint ?? { from: pair.from, to: pair.to };
      if (seen.has(end)) throw new RenameHintError(hint, "conflict", `another stated rename also ${end.startsWith("from") ? "starts from" : "reaches"} ${end.slice(end.indexOf(":") + 1)}`);
      seen.add(end);
    }
    return [pair];
  });
}

/** Stated member renames of one table, checked the same way. */
export function uniqueMemberHints(hints: readonly (MemberHint | null)[], parsed: readonly ParsedHint[]): MemberHint[] {
  return uniquePairs(
    hints.map((hint) => (hint === null ? null : { ...hint, from: `${hint.table}.${hint.from}`, to: `${hint.table}.${hint.to}`, member: hint })),
    parsed,
  ).map((pair) => pair.member);
}

function pairKey(pair: { readonly from: string; readonly to: string } | null): string {
  return pair === null ? "" : `${pair.from}\n${pair.to}`;
}

function at<T>(record: Readonly<Record<string, T>>, key: string): T {
  const item = record[key];
  if (item === undefined) throw new Error(`resolved key ${key} is missing`);
  return item;
}

function got<T>(map: ReadonlyMap<string, T>, name: string): T {
  const item = map.get(name);
  if (item === undefined) throw new Error(`resolved member ${name} is missing`);
  return item;
}
