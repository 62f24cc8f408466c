import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SERVER_URL } from "../../support/backends.js";
import { CLI, runBuiltCli } from "../../support/run-built-cli.js";
import { withServerDatabase } from "../../support/server-database.js";

const REPO = new URL("../../../", import.meta.url).pathname;
const HOOK = join(REPO, "fixtures", "cli", "log-packages.mjs");

/** The packages that make a start slow: a command that does not need them must not load them. */
const HEAVY = ["pg", "@electric-sql/pglite", "drizzle-orm", "jiti", "esbuild", "prettier"] as const;

let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tidemark-startup-"));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(REPO, join(dir, "node_modules", "tidemark"), "dir");
  // The starter model imports drizzle-orm, as a user's project has it.
  symlinkSync(join(REPO, "node_modules", "drizzle-orm"), join(dir, "node_modules", "drizzle-orm"), "dir");
  expect((await runBuiltCli(["init"], dir)).code).toBe(0);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The node_modules packages a node process loads (fixtures/cli/log-packages.mjs records them). */
function packagesLoaded(nodeArgs: readonly string[]): Promise<{ readonly code: number; readonly stderr: string; readonly packages: readonly string[] }> {
  const log = join(dir, `packages-${Math.random().toString(16).slice(2)}.log`);
  const env = { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", NO_COLOR: "1", TIDEMARK_PACKAGE_LOG: log };
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", HOOK, ...nodeArgs], { cwd: dir, env, timeout: 60_000 }, (error, _stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
      let text = "";
      try {
        text = readFileSync(log, "utf8");
      } catch {
        // No package loaded: the hook wrote no file.
      }
      resolve({ code, stderr, packages: [...new Set(text.split("\n").filter((line) => line !== ""))].sort() });
    });
  });
}

const cli = (...args: string[]) => packagesLoaded([CLI, ...args]);

describe("what the CLI loads at start", () => {
  it("the hook records packages: importing pg records pg and what it requires", async () => {
    const pg = pathToFileURL(createRequire(REPO).resolve("pg")).href;
    const { code, stderr, packages } = await packagesLoaded(["--input-type=module", "-e", `await import(${JSON.stringify(pg)});`]);
    expect(code, stderr).toBe(0);
    expect(packages).toContain("pg");
    expect(packages).toContain("pg-protocol");
  });

  // Help and usage errors read the commands' specs only, never their implementations.
  for (const args of [["--version"], ["--help"], ["help", "revision"], ["revision", "--help"], ["upgrad"], ["upgrade", "--formt", "json"]]) {
    it(`\`tidemark ${args.join(" ")}\` loads none of ${HEAVY.join(", ")}`, async () => {
      const { code, stderr, packages } = await cli(...args);
      expect(code, stderr).toBe(args[0] === "upgrad" || args[1] === "--formt" ? 1 : 0);
      expect(packages.filter((name) => (HEAVY as readonly string[]).includes(name))).toEqual([]);
    });
  }

  it("an embedded run loads PGlite, never pg", async () => {
    const { code, stderr, packages } = await cli("current", "--url", "pglite://./.tidemark/db");
    expect(code, stderr).toBe(0);
    expect(packages).toContain("@electric-sql/pglite");
    expect(packages).not.toContain("pg");
  });

  it("an embedded read answered from saved reads loads neither PGlite nor pg", async () => {
    const dataDir = join(dir, "saved-reads-db");
    const first = await cli("current", "--url", `pglite://${dataDir}`); // starts PGlite and saves its answers
    expect(first.code, first.stderr).toBe(0);
    expect(first.packages).toContain("@electric-sql/pglite");
    const again = await cli("current", "--url", `pglite://${dataDir}`);
    expect(again.code, again.stderr).toBe(0);
    expect(again.packages).not.toContain("@electric-sql/pglite");
    expect(again.packages).not.toContain("pg");
  });
});

describe.skipIf(SERVER_URL === undefined)("what a server run loads", () => {
  it("upgrade and revision --autogenerate load pg, never PGlite", async () => {
    await withServerDatabase(async (url) => {
      const upgrade = await cli("upgrade", "head", "--url", url);
      expect(upgrade.code, upgrade.stderr).toBe(0);
      expect(upgrade.packages).toContain("pg");
      expect(upgrade.packages).not.toContain("@electric-sql/pglite");
      const revision = await cli("revision", "--autogenerate", "-m", "start", "--dry-run", "--url", url);
      expect(revision.code, revision.stderr).toBe(0);
      expect(revision.packages).toEqual(expect.arrayContaining(["pg", "drizzle-orm"]));
      expect(revision.packages).not.toContain("@electric-sql/pglite");
    });
  });
});
