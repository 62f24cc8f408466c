import { readFileSync } from "node:fs";
import { join } from "node:path";
import { globSync } from "tinyglobby";
import { describe, expect, it } from "vitest";

/**
 * docs/guide/troubleshooting.md has a section for every error class tidemark defines, so that a
 * new error cannot ship undocumented, and names none that no longer exists.
 */
const REPO = new URL("../../../", import.meta.url).pathname;
const PAGE = readFileSync(join(REPO, "docs", "guide", "troubleshooting.md"), "utf8");

function errorClasses(): readonly string[] {
  const names = new Set<string>();
  for (const file of globSync("src/**/*.ts", { cwd: REPO })) {
    const text = readFileSync(join(REPO, file), "utf8");
    for (const match of text.matchAll(/\bclass\s+([A-Z]\w*)\s+extends\s+([A-Z]\w*Error)\b/g)) {
      if (!/\babstract\s+class\s+$/.test(text.slice(Math.max(0, (match.index ?? 0) - 9), (match.index ?? 0) + 6))) names.add(match[1] ?? "");
    }
  }
  return [...names].sort();
}

const documented = [...PAGE.matchAll(/^### `(\w+)`$/gm)].map((match) => match[1] ?? "").sort();

describe("docs/guide/troubleshooting.md", () => {
  const classes = errorClasses();

  it("finds the error classes in src/ (a sanity check on the search itself)", () => {
    expect(classes).toContain("MigrationFailedError");
    expect(classes).not.toContain("TidemarkError");
    expect(classes.length).toBeGreaterThan(40);
  });

  it.each(classes)("has a section for %s", (name) => {
    expect(documented, `add "### \`${name}\`" to docs/guide/troubleshooting.md: the message as printed, what it means, what to run`).toContain(name);
  });

  it("documents no error class that src/ does not define", () => {
    expect(documented.filter((name) => !classes.includes(name))).toEqual([]);
  });

  it("shows each error as printed: a text block starting `error: ` in every section", () => {
    const sections = PAGE.split(/^### /m).slice(1);
    const without = sections.filter((section) => !/```text\nerror: /.test(section)).map((section) => section.split("\n")[0]);
    expect(without).toEqual([]);
  });
});
