import type { ProjectInput } from "../commands/open-project.js";
import type { CommandContext } from "./command-spec.js";
import { didYouMean, suggest } from "./suggest.js";
import { UsageError } from "./usage-error.js";

/** The `--url` line of every command's help. */
export const URL_HELP = "--url URL           the database (default: DATABASE_URL, .env, the config, then the embedded .tidemark/db)";

/** The `--shadow-url` line of the help of commands that make scratch databases. */
export const SHADOW_URL_HELP =
  "--shadow-url URL    a server where a scratch database is made and dropped (default: TIDEMARK_SHADOW_URL, the config, then PGlite in memory)";

export function stringValue(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function stringList(value: unknown): readonly string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return typeof value === "string" ? [value] : [];
}

/** The config file, URL and environment a command's project is opened with. */
export function projectInput(context: CommandContext): ProjectInput {
  return {
    cwd: context.cwd,
    configFile: stringValue(context.values["config"]),
    url: stringValue(context.values["url"]),
    shadowUrl: stringValue(context.values["shadow-url"]),
    env: context.env,
  };
}

/** `--format`, checked against what the command can print. */
export function formatOption<F extends string>(context: CommandContext, command: string, formats: readonly F[]): F {
  const format = context.values["format"];
  const known = formats.find((candidate) => candidate === format);
  if (known === undefined) {
    const close = didYouMean(suggest(String(format), formats));
    throw new UsageError(`Unknown --format '${String(format)}': use ${formats.join(" or ")}.${close}`, command);
  }
  return known;
}

/** A whole number of seconds given as an option, in milliseconds. */
export function secondsOption(context: CommandContext, command: string, name: string): number | undefined {
  const value = stringValue(context.values[name]);
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0) throw new UsageError(`--${name} must be a number of seconds, got '${value}'.`, command);
  return seconds * 1000;
}

/** Exactly one positional argument, or the default when there is none. */
export function onePositional(context: CommandContext, command: string, what: string, fallback?: string): string {
  const [first, ...rest] = context.positionals;
  if (rest.length > 0) throw new UsageError(`Unexpected argument '${rest[0] ?? ""}': give one ${what}.`, command);
  const value = first ?? fallback;
  if (value === undefined) throw new UsageError(`Missing ${what}.`, command);
  return value;
}
