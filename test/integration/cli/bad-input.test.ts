import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SERVER_URL } from "../../support/backends.js";
import { fixtureCases, readJson } from "../../support/fixture-cases.js";
import { createPasswordRole, serverChecksPassword } from "../../support/password-role.js";
import { runBuiltCli } from "../../support/run-built-cli.js";

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
        const project = join(fixture.dir, "project");
        if (existsSync(project)) cpSync(project, cwd, { recursive: true });
        const args = spec.args.map((arg) => arg.replaceAll("{server}", serverAuthority));
        const run = await runBuiltCli(args, cwd, spec.env);
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
