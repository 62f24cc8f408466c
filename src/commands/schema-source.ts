import { redactUrl } from "../driver/redact-url.js";
import { TidemarkError } from "../errors/tidemark-error.js";

/**
 * One side of `tidemark diff`: where a schema is read from.
 * - `url`: a database by URL (postgres://, postgresql://, pglite://), only read;
 * - `db`: the project's database (--url, DATABASE_URL, .env, the config, the embedded default);
 * - `models`: the drizzle models the config's globs name;
 * - `migrations`: the migrations replayed on a scratch database up to `target` (`heads` unless
 *   `migrations@<rev>` names one, in the syntax of upgrade targets);
 * - `empty`: nothing at all, to print what creates (or drops) everything.
 */
export type SchemaSource =
  | { readonly kind: "url"; readonly url: string }
  | { readonly kind: "db" }
  | { readonly kind: "models" }
  | { readonly kind: "migrations"; readonly target: string }
  | { readonly kind: "empty" };

/** What a source may be, as the help and the error say it. */
export const ACCEPTED_SOURCES: readonly string[] = [
  "a database URL (postgres://, postgresql://, pglite://)",
  "db",
  "models",
  "migrations",
  "migrations@<rev>",
  "empty",
];

const URL_PREFIXES = ["postgres://", "postgresql://", "pglite://"] as const;
const MIGRATIONS = "migrations";

/** `--from` or `--to` as given, read as a source; anything else is an InvalidSourceError. */
export function parseSchemaSource(text: string, option = "source"): SchemaSource {
  const given = text.trim();
  switch (given) {
    case "db":
      return { kind: "db" };
    case "models":
      return { kind: "models" };
    case "empty":
      return { kind: "empty" };
    case MIGRATIONS:
      return { kind: "migrations", target: "heads" };
    default:
      break;
  }
  if (URL_PREFIXES.some((prefix) => given.startsWith(prefix))) {
    if (URL_PREFIXES.some((prefix) => given === prefix)) throw new InvalidSourceError(option, text, "the URL names no database");
    return { kind: "url", url: given };
  }
  if (given.startsWith(`${MIGRATIONS}@`)) {
    const target = given.slice(MIGRATIONS.length + 1);
    if (target.trim() === "") throw new InvalidSourceError(option, text, "migrations@ names no revision");
    return { kind: "migrations", target };
  }
  throw new InvalidSourceError(option, text, unknownReason(given));
}

function unknownReason(given: string): string {
  if (given === "") return "it is empty";
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(given)) return `the scheme ${given.slice(0, given.indexOf("://") + 3)} is not a PostgreSQL one`;
  return "it is not a source tidemark knows";
}

/** The source as a heading names it: URLs with their password masked. */
export function describeSource(source: SchemaSource): string {
  switch (source.kind) {
    case "url":
      return redactUrl(source.url);
    case "migrations":
      return source.target === "heads" ? MIGRATIONS : `${MIGRATIONS}@${source.target}`;
    case "db":
    case "models":
    case "empty":
      return source.kind;
    default: {
      const unknown: never = source;
      throw new Error(`unknown schema source ${JSON.stringify(unknown)}`);
    }
  }
}

/** `--from`/`--to` names no source: what was given (password masked), why, and what is accepted. */
export class InvalidSourceError extends TidemarkError {
  readonly hint: string;
  /** The option it came from: `--from` or `--to`. */
  readonly option: string;
  /** What was given, any password masked. */
  readonly given: string;
  readonly reason: string;
  readonly accepted: readonly string[] = ACCEPTED_SOURCES;

  constructor(option: string, given: string, reason: string) {
    // A revision after `migrations@` is no password; anything else with an `@` may hold one.
    const shown = given.startsWith(`${MIGRATIONS}@`) ? given : redactUrl(given);
    super(`${option} '${shown}' is not a schema source: ${reason}.`);
    this.option = option;
    this.given = shown;
    this.reason = reason;
    this.hint = `Use ${ACCEPTED_SOURCES.slice(0, -1).join(", ")} or ${ACCEPTED_SOURCES.at(-1) ?? ""}.`;
  }
}
