/** The scheme of embedded PGlite URLs, which hold no password. */
export const EMBEDDED_PREFIX = "pglite://";

/**
 * The URL with its password replaced by `***`, fit for messages and logs. A string that does not
 * parse is cut at its last `@`, and `password=` pairs are masked, so a password cannot leak either.
 */
export function redactUrl(url: string): string {
  if (url.startsWith(EMBEDDED_PREFIX)) return url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return maskCredentials(url);
  }
  // A mistyped URL (`postgres:/u:pw@h`, `u:pw@h/db`) parses with no host, its credentials in the path.
  if (parsed.host === "" && url.includes("@")) return maskCredentials(url);
  if (parsed.password !== "") parsed.password = "***";
  for (const key of [...parsed.searchParams.keys()]) {
    if (key.toLowerCase() === "password") parsed.searchParams.set(key, "***");
  }
  return parsed.toString();
}

/** Everything between the scheme and the last `@` masked, and `password=` values. */
function maskCredentials(url: string): string {
  const withoutParams = url.replace(/(password\s*=\s*)('[^']*'|\S+)/gi, "$1***");
  const at = withoutParams.lastIndexOf("@");
  if (at < 0) return withoutParams;
  const scheme = withoutParams.indexOf("://");
  return `${scheme >= 0 ? withoutParams.slice(0, scheme + 3) : ""}***@${withoutParams.slice(at + 1)}`;
}
