/** ANSI styles for text output, or plain text when colors are off. */
export interface Paint {
  readonly red: (text: string) => string;
  readonly green: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
}

/**
 * Whether a stream takes ANSI colors, by these rules in order (see docs):
 * 1. FORCE_COLOR set: "0" or "false" turns colors off, any other value but "" turns them on, even
 *    into a pipe or a file (CI logs that show colors);
 * 2. NO_COLOR set to anything but "": off (no-color.org);
 * 3. TERM=dumb: off;
 * 4. otherwise on exactly when the stream is a terminal.
 * stdout and stderr are each judged by their own terminal-ness.
 */
export function colorEnabled(isTerminal: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  const force = env["FORCE_COLOR"];
  if (force !== undefined && force !== "") return force !== "0" && force.toLowerCase() !== "false";
  const noColor = env["NO_COLOR"];
  if (noColor !== undefined && noColor !== "") return false;
  if (env["TERM"] === "dumb") return false;
  return isTerminal;
}

export function paint(enabled: boolean): Paint {
  const style = (open: number, close: number) => (text: string) => (enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return { red: style(31, 39), green: style(32, 39), yellow: style(33, 39), bold: style(1, 22), dim: style(2, 22) };
}
