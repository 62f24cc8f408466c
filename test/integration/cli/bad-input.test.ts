import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SERVER_URL } from "../../support/backends.js";
import { fixtureCases, readJson } from "../../support/fixture-cases.js";
import { createPasswordRole, serverChecksPassword } from "../../support/password-role.js";
import { runBuiltCli, type CliRun } from "../../support/run-built-cli.js";
import { withServerDatabase } from "../../support/server-database.js";

const DRIZZLE = new URL("../../../node_modules/drizzle-orm", import.meta.url).pathname;

/** One bad command line: what it runs, and the one line it must print. */
interface BadInputCase {
  readonly why: string;
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** "server": needs TEST_DATABASE_URL; "password-role": also a pg_hba rule that checks passwords. */
  readonly needs?: "server" | "password-role";
  /** A regular expression the single stderr line must match. */
  readonly stderr: string;
}

/**
 * Runs the case in a copy of its project (with drizzle-orm installed, as a user's has it); a case
 * with a setup.sql gets a fresh server database with that SQL run in it, as `{db}`.
 */
async function runCase(dir: string, spec: BadInputCase, cwd: string): Promise<CliRun> {
  const project = join(dir, "project");
  if (existsSync(project)) cpSync(project, cwd, { recursive: true });
  mkdirSync(join(cwd, "node_modules"), { recursive: true });
  symlinkSync(DRIZZLE, join(cwd, "node_modules", "drizzle-orm"), "dir");
  const args = spec.args.map((arg) => arg.replaceAll("{server}", serverAuthority));
  const setup = join(dir, "setup.sql");
  if (!existsSync(setup)) return runBuiltCli(args, cwd, spec.env);
  return withServerDatabase(async (url, driver) => {
    await driver.execute(readFileSync(setup, "utf8"));
    return runBuiltCli(args.map((arg) => arg.replaceAll("{db}", url)), cwd, spec.env);
  });
}

const SECRET = "s3cret";
const serverAuthority = SERVER_URL === undefined ? "" : new URL(SERVER_URL).host;
let passwordChecked = false;
let dropRole: (() => Promise<void>) | undefined;

beforeAll(async () => {
  if (SERVER_URL === undefined) return;
  passwordChecked = await serverChecksPassword(SERVER_URL);
  if (passwordChecked) dropRole = await createPasswordRole(SERVER_URL);
});

afterAll(async () => {
  await dropRole?.();
});

describe("bad input: one clear line, exit 1, no stack, no password", () => {
  for (const fixture of fixtureCases("bad-input")) {
    const spec = readJson<BadInputCase>(fixture.dir, "case.json");
    it(`${fixture.name}: ${spec.why}`, async (context) => {
      if (spec.needs !== undefined && SERVER_URL === undefined) context.skip("TEST_DATABASE_URL is not set");
      if (spec.needs === "password-role" && !passwordChecked) {
        context.skip(`pg_hba.conf has no password rule for the probe role (.ci/run adds it)`);
      }
      const cwd = mkdtempSync(join(tmpdir(), "tidemark-bad-input-"));
      try {
        const run = await runCase(fixture.dir, spec, cwd);
        expect(run.code).toBe(1);
        expect(run.stdout).toBe("");
        const lines = run.stderr.trimEnd().split("\n");
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(new RegExp(`^error: ${spec.stderr}`));
        expect(run.stderr).not.toContain(SECRET);
        expect(run.stderr).not.toMatch(/^\s+at /m);
      } finally {
        rmSync(cwd, { recursive: true, force: true });
      }
    });
  }
});
