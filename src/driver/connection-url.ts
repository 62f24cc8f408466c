import { isAbsolute, resolve } from "node:path";
import { InvalidUrlError } from "./connection-errors.js";

/** Where a connection URL points: a PostgreSQL server, or an embedded PGlite database. */
export type ConnectionTarget =
  | { readonly backend: "server"; readonly url: string }
  | { readonly backend: "embedded"; readonly dataDir: string | null };

const EMBEDDED_PREFIX = "pglite://";

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

/**
 * The URL with its password replaced by `***`, fit for messages and logs. A string that does not
 * parse is cut at its last `@`, and `password=` pairs are masked, so a password cannot leak either.
 */
export function redactUrl(url: string): string {
  if (url.startsWith(EMBEDDED_PREFIX)) return url;
  try {
    const parsed = new URL(url);
    if (parsed.password !== "") parsed.password = "***";
    for (const key of [...parsed.searchParams.keys()]) {
      if (key.toLowerCase() === "password") parsed.searchParams.set(key, "***");
    }
    return parsed.toString();
  } catch {
    const withoutParams = url.replace(/(password\s*=\s*)('[^']*'|\S+)/gi, "$1***");
    const at = withoutParams.lastIndexOf("@");
    if (at < 0) return withoutParams;
    const scheme = withoutParams.indexOf("://");
    return `${scheme >= 0 ? withoutParams.slice(0, scheme + 3) : ""}***@${withoutParams.slice(at + 1)}`;
  }
}
