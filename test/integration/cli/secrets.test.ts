import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SERVER_URL } from "../../support/backends.js";
import { exampleProject } from "../../support/example-project.js";
import { runBuiltCli } from "../../support/run-built-cli.js";
import { withServerDatabase } from "../../support/server-database.js";

const SECRET = "pw-Zq7-s3cret";

/** The URL with a password in it (the test server trusts local connections, so any password works). */
function withPassword(url: string): string {
  const parsed = new URL(url);
  parsed.password = SECRET;
  return parsed.toString();
}

/**
 * No output of any command — text, JSON, markdown, annotations, SQL, errors with and without
 * --debug, and the files it writes — ever holds the password of a URL, whether it came from --url,
 * DATABASE_URL, --shadow-url or TIDEMARK_SHADOW_URL.
 */
describe.skipIf(SERVER_URL === undefined)("passwords never printed (skipped without TEST_DATABASE_URL)", () => {
  it("appears in no output and no written file, for every command and format", async () => {
    const project = exampleProject({ migrations: true });
    try {
      await withServerDatabase(async (plainUrl) => {
        const url = withPassword(plainUrl);
        const shadow = withPassword(SERVER_URL ?? "");
        const env = { DATABASE_URL: url, TIDEMARK_SHADOW_URL: shadow };
        const outputs: string[] = [];
        const run = async (args: readonly string[], runEnv: Record<string, string> = env) => {
          const result = await runBuiltCli(args, project.dir, runEnv);
          outputs.push(`$ tidemark ${args.join(" ").replaceAll(SECRET, "<password>")} (exit ${result.code})\n${result.stdout}${result.stderr}`);
          return result;
        };
        expect((await run(["upgrade", "head"])).code).toBe(0);
        const model = join(project.dir, "schema", "blog.ts");
        writeFileSync(model, readFileSync(model, "utf8").replace('displayName: text("display_name").notNull(),', 'displayName: text("display_name").notNull(),\n    nickname: text("nickname"),'));
        for (const args of [
          ["current", "--verbose"], ["history", "--verbose"], ["heads"], ["inspect", "--format", "json"],
          ["check"], ["check", "--format", "json"], ["check", "--against", "db", "--format", "markdown"],
          ["check", "--db-drift", "--format", "github"], ["verify", "--format", "json"],
          ["diff", "--from", "db", "--to", "models"], ["diff", "--from", url, "--to", "migrations", "--format", "json"],
          ["diff", "--from", "migrations", "--to", url, "--format", "markdown"],
          ["revision", "--autogenerate", "-m", "add nickname"], ["upgrade", "head", "--sql"], ["upgrade", "head"],
          ["downgrade", "-1", "--format", "json"], ["stamp", "head"],
        ]) await run(args);
        // Errors: a database that does not exist, a port nobody listens on, with and without --debug.
        const missing = new URL(url);
        missing.pathname = "/tidemark_no_such_database";
        const unreachable = new URL(url);
        unreachable.port = "1";
        // Mistyped URLs, whose password a URL parser does not see as one.
        const mistyped = [`postgres:/postgres:${SECRET}@127.0.0.1/x`, `postgres:${SECRET}@127.0.0.1/x`];
        for (const bad of mistyped) expect((await run(["diff", "--from", bad, "--to", "models"])).code).toBe(1);
        for (const bad of [missing.toString(), unreachable.toString()]) {
          expect((await run(["current", "--url", bad])).code).toBe(1);
          expect((await run(["current", "--url", bad, "--debug"])).code).toBe(1);
          expect((await run(["check", "--shadow-url", bad, "--debug"], {})).code).toBe(1);
        }
        const all = outputs.join("\n");
        expect(all).toContain("***");
        expect(all).not.toContain(SECRET);
        for (const file of readdirSync(join(project.dir, "migrations"))) {
          expect(readFileSync(join(project.dir, "migrations", file), "utf8")).not.toContain(SECRET);
        }
      });
    } finally {
      project.dispose();
    }
  });
});
