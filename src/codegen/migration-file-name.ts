import { InvalidRevisionIdError } from "./codegen-errors.js";

/** At most this many characters of the message go into the file name. */
const SLUG_LENGTH = 40;
const REVISION_ID = /^[A-Za-z0-9_-]+$/;

/**
 * `YYYYMMDD_HHMM_<revision>_<slug>.ts`, in UTC: the date first so that a listing sorts by time,
 * the revision so that the file is found by id, and a slug of the message to read. A message with
 * no ASCII letters or digits gives no slug: `YYYYMMDD_HHMM_<revision>.ts`.
 */
export function migrationFileName(meta: { readonly revision: string; readonly message: string; readonly createdAt: Date }): string {
  if (!REVISION_ID.test(meta.revision)) throw new InvalidRevisionIdError(meta.revision);
  const iso = meta.createdAt.toISOString();
  const stamp = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}_${iso.slice(11, 13)}${iso.slice(14, 16)}`;
  const slug = messageSlug(meta.message);
  return `${stamp}_${meta.revision}${slug === "" ? "" : `_${slug}`}.ts`;
}

/** Latin letters that do not decompose into an ASCII letter and a mark. */
const LATIN_LETTERS: Readonly<Record<string, string>> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i" };

/**
 * The message's first line as lowercase ASCII words joined by `_`, cut at a word to at most 40
 * characters: `Crème brûlée: add prices!` → `creme_brulee_add_prices`.
 */
export function messageSlug(message: string): string {
  const words = (message.trim().split(/\r\n|[\n\r]/u)[0] ?? "")
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/gu, "")
    .replace(/[ßæœøłđðþı]/gu, (letter) => LATIN_LETTERS[letter] ?? letter)
    .split(/[^a-z0-9]+/u)
    .filter((word) => word !== "");
  let slug = "";
  for (const word of words) {
    const next = slug === "" ? word : `${slug}_${word}`;
    if (next.length > SLUG_LENGTH) return slug === "" ? word.slice(0, SLUG_LENGTH) : slug;
    slug = next;
  }
  return slug;
}
