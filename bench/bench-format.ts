/** How `npm run bench` prints its figures: milliseconds, MiB and ratios, in one style. */
export function ms(value: number): string {
  return `${Math.round(value).toLocaleString("en-US")} ms`;
}

export function mibOf(kib: number | null): string {
  return kib === null ? "n/a" : `${Math.round(kib / 1024).toLocaleString("en-US")} MiB`;
}

export function ratio(value: number | null): string {
  return value === null || !Number.isFinite(value) ? "n/a" : `${value.toFixed(2)}×`;
}

/** `a / b`, or null when either is unknown or b is zero. */
export function divide(a: number | null, b: number | null): number | null {
  return a === null || b === null || b === 0 ? null : a / b;
}

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((row) => `| ${row.join(" | ")} |`)].join("\n");
}
