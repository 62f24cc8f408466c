import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import type { runCli as RunCli } from "../../../src/cli/run-cli.js";
import { CLI } from "../../support/run-built-cli.js";

/**
 * docs/reference has a page for every command the built CLI lists, and each page names every
 * option that command's --help prints, so that a new command or option cannot ship undocumented.
 */
const REPO = new URL("../../../", import.meta.url).pathname;
const { runCli } = (await import(pathToFileURL(join(CLI, "..", "run-cli.js")).href)) as { readonly runCli: typeof RunCli };
/** Documented once, in docs/reference/README.md, not on every page. */
const GLOBAL = new Set(["--config", "--debug", "--help", "-h", "-c"]);

async function help(args: readonly string[]): Promise<string> {
  const lines: string[] = [];
  await runCli({ argv: args, cwd: REPO, env: {}, out: { print: (text) => lines.push(text), error: (text) => lines.push(text) } });
  return lines.join("\n");
}

const commands = [...(await help(["--help"])).split("Commands:\n")[1]?.split("\n\n")[0]?.matchAll(/^ {2}(\S+)/gm) ?? []].map((match) => match[1] ?? "");

describe("docs/reference", () => {
  it("lists the commands of `tidemark --help` (a sanity check on the parsing)", () => {
    expect(commands).toEqual(expect.arrayContaining(["init", "revision", "upgrade", "check", "import"]));
  });

  it.each(commands)("has a page for %s that names each of its options", async (command) => {
    const page = join(REPO, "docs", "reference", `${command}.md`);
    expect(existsSync(page), `docs/reference/${command}.md`).toBe(true);
    const text = readFileSync(page, "utf8");
    const optionsPart = (await help([command, "--help"])).split("Options:\n")[1]?.split("\n\nExample:")[0] ?? "";
    const options = [...optionsPart.matchAll(/^ {2}((?:-\w, )?--[\w-]+)/gm)].flatMap((match) => (match[1] ?? "").split(", "));
    const missing = options.filter((option) => !GLOBAL.has(option) && !text.includes(`\`${option}`) && !text.includes(` ${option}`));
    expect(missing, `options of tidemark ${command} --help missing from docs/reference/${command}.md`).toEqual([]);
    expect(text).toContain(`# tidemark ${command}`);
  });

  it("links every command page from docs/reference/README.md", () => {
    const index = readFileSync(join(REPO, "docs", "reference", "README.md"), "utf8");
    expect(commands.filter((command) => !index.includes(`](${command}.md)`))).toEqual([]);
  });
});
