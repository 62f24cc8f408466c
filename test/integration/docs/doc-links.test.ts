import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { globSync } from "tinyglobby";
import { describe, expect, it } from "vitest";

/** Every relative link in README.md and docs/ reaches a file, and a heading when it names one. */
const REPO = new URL("../../../", import.meta.url).pathname;
const PAGES = ["README.md", ...globSync("docs/**/*.md", { cwd: REPO }).sort()];

/** GitHub's anchor for a heading: lowercase, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-");
}

function anchors(file: string): readonly string[] {
  const text = readFileSync(file, "utf8").replace(/```[\s\S]*?```/g, "");
  return [...text.matchAll(/^#{1,6}\s+(.*)$/gm)].map((match) => slug(match[1] ?? ""));
}

describe("links in the docs", () => {
  it.each(PAGES)("%s links only to files and headings that exist", (page) => {
    const text = readFileSync(join(REPO, page), "utf8").replace(/```[\s\S]*?```/g, "");
    const broken: string[] = [];
    for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = match[1] ?? "";
      if (/^[a-z]+:/.test(target)) continue;
      const [path = "", anchor] = target.split("#");
      const file = path === "" ? join(REPO, page) : join(REPO, dirname(page), path);
      if (!existsSync(file)) broken.push(`${target} (no such file)`);
      else if (anchor !== undefined && file.endsWith(".md") && !anchors(file).includes(anchor)) broken.push(`${target} (no such heading)`);
    }
    expect(broken).toEqual([]);
  });
});
