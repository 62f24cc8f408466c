/** ANSI styles for text output, or plain text when colors are off. */
export interface Paint {
  readonly red: (text: string) => string;
  readonly green: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
}

/** Colors only on a terminal, and never when NO_COLOR is set to anything but "" (no-color.org). */
export function colorEnabled(isTerminal: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  const noColor = env["NO_COLOR"];
  return isTerminal && (noColor === undefined || noColor === "");
}

export function paint(enabled: boolean): Paint {
  const style = (open: number, close: number) => (text: string) => (enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return { red: style(31, 39), green: style(32, 39), yellow: style(33, 39), bold: style(1, 22), dim: style(2, 22) };
}
