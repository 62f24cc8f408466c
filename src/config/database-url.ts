import { EMBEDDED_DEFAULT_URL } from "./config.js";

export type UrlSource = "--url" | "DATABASE_URL" | ".env" | "config" | "embedded default";

export interface DatabaseUrlInputs {
  readonly flag: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly envFile: Readonly<Record<string, string>>;
  readonly config: string | null;
}

/**
 * The database to use, first found wins: `--url`, the `DATABASE_URL` environment variable, the
 * project's `.env` file, the config's `databaseUrl`, the embedded PGlite default.
 */
export function resolveDatabaseUrl(inputs: DatabaseUrlInputs): { readonly url: string; readonly source: UrlSource } {
  const candidates: readonly [string | null | undefined, UrlSource][] = [
    [inputs.flag, "--url"],
    [inputs.env["DATABASE_URL"], "DATABASE_URL"],
    [inputs.envFile["DATABASE_URL"], ".env"],
    [inputs.config, "config"],
  ];
  for (const [url, source] of candidates) {
    if (url !== undefined && url !== null && url !== "") return { url, source };
  }
  return { url: EMBEDDED_DEFAULT_URL, source: "embedded default" };
}

/** The embedded scratch database: PGlite in memory, gone when closed. */
export const EMBEDDED_SCRATCH_URL = "pglite://memory";

/**
 * Where scratch databases are made (`check`, `verify`, `diff ... migrations`), first found wins:
 * `--shadow-url`, `TIDEMARK_SHADOW_URL` in the environment, then in `.env`, the config's
 * `shadowDatabaseUrl`, the embedded PGlite in memory.
 */
export function resolveShadowUrl(inputs: DatabaseUrlInputs): string {
  const candidates = [inputs.flag, inputs.env["TIDEMARK_SHADOW_URL"], inputs.envFile["TIDEMARK_SHADOW_URL"], inputs.config];
  return candidates.find((url): url is string => url !== undefined && url !== null && url !== "") ?? EMBEDDED_SCRATCH_URL;
}
