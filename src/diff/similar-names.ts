/**
 * When a dropped name and an added one are close enough to guess a rename. Conservative on purpose:
 * a wrong guess renames what the author meant to drop, so only spelling changes count.
 *
 * Names are compared lowercased with everything but letters and digits removed (`fullName`,
 * `full_name` and `fullname` are one name). Names that differ only in their digits are numbered
 * siblings, not one object renamed (`log_2023` → `log_2024`, `address1` → `address2`). Otherwise
 * names are close when, so compared:
 * - they are equal;
 * - the words of one are the other's, or run in order inside them, a plural counting as its
 *   singular and three letters at least (`status` → `statuses`, `email` → `email_address`,
 *   `post` → `blog_posts`, `data` → `t_data`; not `bar` → `foobar`, whose one word is not `bar`);
 * - or at most a fifth of the longer one's characters differ (edit distance: `adress` →
 *   `address`, `colour` → `color`, `user` → `users`, `usrname` → `username`).
 * So `min_value` → `max_value`, `created_at` → `updated_at`, `customer` → `client`
 * and `a` → `zzz_totally_else` are not close.
 */
export function similarNames(a: string, b: string): boolean {
  return similarForms(nameForms(a), nameForms(b));
}

/** A name taken apart once, to compare it with many: its words, and its letters and digits. */
export interface NameForms {
  readonly words: readonly string[];
  readonly normalized: string;
}

export function nameForms(name: string): NameForms {
  return { words: words(name), normalized: normalizedName(name) };
}

/** `similarNames` for names taken apart already. */
export function similarForms(a: NameForms, b: NameForms): boolean {
  return heldWords(a.words, b.words) || similarNormalized(a.normalized, b.normalized);
}

/** The words of a name: split at anything but letters and digits, at `aB`, and between letters and digits. */
function words(name: string): readonly string[] {
  return name
    .replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2")
    .replace(/(\p{L})(\p{N})/gu, "$1 $2")
    .replace(/(\p{N})(\p{L})/gu, "$1 $2")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "");
}

/**
 * Whether the words of one name are the other's or run, in order, inside them, a plural counting as
 * its singular, and with three letters at least (`a` is not `a_b`).
 */
function heldWords(a: readonly string[], b: readonly string[]): boolean {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (shorter.join("").length < 3) return false;
  const same = (x: string, y: string) => x === y || `${x}s` === y || `${y}s` === x || `${x}es` === y || `${y}es` === x;
  for (let at = 0; at + shorter.length <= longer.length; at += 1) {
    if (shorter.every((word, i) => same(word, longer[at + i] ?? ""))) return !onlyDigitsDiffer(shorter, longer);
  }
  return false;
}

function onlyDigitsDiffer(a: readonly string[], b: readonly string[]): boolean {
  const letters = (list: readonly string[]) => list.filter((word) => !/^\p{N}+$/u.test(word)).join(" ");
  return letters(a) === letters(b);
}

function similarNormalized(x: string, y: string): boolean {
  if (x === "" || y === "") return false;
  if (x === y) return true;
  if (x.replace(/\p{N}/gu, "") === y.replace(/\p{N}/gu, "")) return false;
  const longer = x.length >= y.length ? x : y;
  const limit = Math.floor(longer.length / 5);
  return editDistance(x, y, limit) <= limit;
}

/** Lowercased, letters and digits only: `Full_Name` → `fullname`. */
function normalizedName(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

/** Levenshtein distance, cut short once it must exceed `limit` (then any value above it). */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    if (Math.min(...current) > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/** A name that may hold another object's name: `users_email_idx` holds `users`. */
export interface NameSubstitution {
  readonly from: string;
  readonly to: string;
  /** Whether the rename it comes from was guessed. */
  readonly inferred: boolean;
}

/**
 * Whether `to` is `from` with renamed names put in (`users_pkey` → `people_pkey` after `users` →
 * `people`; `orders_user_id_users_id_fk` → `orders_user_id_people_id_fk`): null when it is not,
 * else whether any rename it follows was guessed. Each substitution may apply at any one place.
 */
export function derivedName(from: string, to: string, substitutions: readonly NameSubstitution[]): boolean | null {
  let variants = new Map<string, boolean>([[from, false]]);
  for (const substitution of substitutions) {
    if (substitution.from === "" || substitution.from === substitution.to) continue;
    const next = new Map(variants);
    for (const [name, inferred] of variants) {
      for (let at = name.indexOf(substitution.from); at >= 0; at = name.indexOf(substitution.from, at + 1)) {
        const variant = name.slice(0, at) + substitution.to + name.slice(at + substitution.from.length);
        if (!next.has(variant)) next.set(variant, inferred || substitution.inferred);
      }
      const everywhere = name.replaceAll(substitution.from, substitution.to);
      if (!next.has(everywhere)) next.set(everywhere, inferred || substitution.inferred);
      if (next.size > 64) break;
    }
    variants = next;
  }
  return from === to ? null : (variants.get(to) ?? null);
}
