import { isAbsolute, resolve } from "node:path";
import { InvalidUrlError } from "./connection-errors.js";
import { EMBEDDED_PREFIX } from "./redact-url.js";

/** Where a connection URL points: a PostgreSQL server, or an embedded PGlite database. */
export type ConnectionTarget =
  | { readonly backend: "server"; readonly url: string }
  | { readonly backend: "embedded"; readonly dataDir: string | null };

/**
 * `postgres://` and `postgresql://` name a server; `pglite://memory` an in-memory PGlite;
 * `pglite://<dir>` a PGlite data directory, relative to `baseDir` unless absolute
 * (`pglite:///var/lib/app` is absolute).
 */
export function parseConnectionUrl(url: string, baseDir: string): ConnectionTarget {
  if (url.startsWith(EMBEDDED_PREFIX)) {
    const path = url.slice(EMBEDDED_PREFIX.length);
    if (path === "") throw new InvalidUrlError(url, "it names no data directory (use pglite://memory or pglite://<dir>)");
    if (path === "memory") return { backend: "embedded", dataDir: null };
    return { backend: "embedded", dataDir: isAbsolute(path) ? path : resolve(baseDir, path) };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidUrlError(url, "it is not a valid URL");
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
    throw new InvalidUrlError(url, `the scheme '${parsed.protocol}' is not postgres://, postgresql:// or pglite://`);
  }
  return { backend: "server", url };
}
