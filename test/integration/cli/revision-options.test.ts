import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../../src/cli/run-cli.js";
import { exampleProject } from "../../support/example-project.js";

let project: { readonly dir: string; dispose(): void };

beforeEach(() => {
  project = exampleProject();
});

afterEach(() => project.dispose());

/** Runs the CLI in-process, as a person at a terminal when `answers` is given. */
async function tidemark(args: readonly string[], answers?: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const questions: string[] = [];
  const ask = answers === undefined ? undefined : async (question: string) => {
    questions.push(question);
    return answers.shift() ?? "";
  };
  const code = await runCli({
    argv: args,
    cwd: project.dir,
    env: { DATABASE_URL: "pglite://.tidemark/db" },
    out: { print: (text) => out.push(text), error: (text) => err.push(text) },
    ...(ask === undefined ? {} : { ask }),
  });
  return { code, stdout: out.join("\n"), stderr: err.join("\n"), questions };
}

const migrations = () => (existsSync(join(project.dir, "migrations")) ? readdirSync(join(project.dir, "migrations")).sort() : []);
const model = () => join(project.dir, "schema", "blog.ts");
const editModel = (from: string, to: string) => writeFileSync(model(), readFileSync(model(), "utf8").replace(from, to));

/** The example project, migrated to its models, with `display_name` then renamed in the model. */
async function renamedDisplayName(): Promise<void> {
  expect((await tidemark(["revision", "--autogenerate", "-m", "initial", "--upgrade"])).code).toBe(0);
  editModel('displayName: text("display_name")', 'displayName: text("public_display_name")');
}

describe("revision options", () => {
  it("--dry-run and --sql print and write nothing; --upgrade applies what it wrote", async () => {
    const dry = await tidemark(["revision", "--autogenerate", "-m", "initial", "--dry-run"]);
    expect(dry.stdout).toMatch(/^\/\*\*\n \* initial\n/);
    const sql = await tidemark(["revision", "--autogenerate", "-m", "initial", "--sql"]);
    expect(sql.stdout).toMatch(/^CREATE TYPE public\.post_status AS ENUM \('draft', 'published', 'archived'\);\nCREATE TABLE public\.comments \(/);
    expect(migrations()).toEqual([]);
    const up = await tidemark(["revision", "--autogenerate", "-m", "initial", "--upgrade", "--rev-id", "initial00001"]);
    expect(up.stdout).toMatch(/Upgraded: the database is at initial00001\.$/);
    expect((await tidemark(["current"])).stdout).toBe("<base> -> initial00001 (head), initial");
  });

  it("infers a rename, says so in a WARNING, and asks at a terminal: yes keeps it", async () => {
    await renamedDisplayName();
    const run = await tidemark(["revision", "--autogenerate", "-m", "rename", "--rev-id", "rename000001"], ["y"]);
    expect(run.questions).toEqual(["Inferred: rename column public.users.display_name to public_display_name. Is it a rename? [Y/n] "]);
    const text = readFileSync(join(project.dir, "migrations", migrations().find((name) => name.includes("rename000001")) ?? ""), "utf8");
    expect(text).toContain('"ALTER TABLE public.users RENAME COLUMN display_name TO public_display_name"');
    expect(text).toMatch(/WARNING: .*inferred/);
  });

  it("no at the prompt writes drop and add, with DATA LOSS", async () => {
    await renamedDisplayName();
    const run = await tidemark(["revision", "--autogenerate", "-m", "not a rename", "--rev-id", "dropadd00001"], ["n"]);
    expect(run.code).toBe(0);
    expect(run.questions).toHaveLength(1);
    const text = readFileSync(join(project.dir, "migrations", migrations().find((name) => name.includes("dropadd00001")) ?? ""), "utf8");
    expect(text).toContain('"ALTER TABLE public.users DROP COLUMN display_name"');
    expect(text).toMatch(/ADD COLUMN public_display_name text NOT NULL/);
    expect(text).toMatch(/WARNING: DATA LOSS/);
  });

  it("never asks without a terminal, and --no-detect-renames writes drop and add", async () => {
    await renamedDisplayName();
    const guessed = await tidemark(["revision", "--autogenerate", "-m", "guessed", "--sql"]);
    expect(guessed.questions).toEqual([]);
    expect(guessed.stdout).toBe("ALTER TABLE public.users RENAME COLUMN display_name TO public_display_name;");
    const plain = await tidemark(["revision", "--autogenerate", "-m", "plain", "--sql", "--no-detect-renames"]);
    expect(plain.stdout).toContain("ALTER TABLE public.users DROP COLUMN display_name;");
  });

  it("--rename states a rename that names are too far apart to guess", async () => {
    expect((await tidemark(["revision", "--autogenerate", "-m", "initial", "--upgrade"])).code).toBe(0);
    editModel('body: text("body").notNull(),\n  createdAt', 'remark: text("remark").notNull(),\n  createdAt');
    const guessed = await tidemark(["revision", "--autogenerate", "-m", "x", "--sql"]);
    expect(guessed.stdout).toContain("DROP COLUMN body");
    const stated = await tidemark(["revision", "--autogenerate", "-m", "x", "--sql", "--rename", "comments.body=comments.remark"]);
    expect(stated.stdout).toBe("ALTER TABLE public.comments RENAME COLUMN body TO remark;");
    const wrong = await tidemark(["revision", "--autogenerate", "-m", "x", "--sql", "--rename", "comments.nope=comments.remark"]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^error: .*comments\.nope/);
  });

  it("refuses bad revision ids and labels, an id that exists, and a --head that is not a head", async () => {
    const bad = await tidemark(["revision", "-m", "x", "--rev-id", "no/slash"]);
    expect(bad.stderr).toMatch(/^error: Invalid revision id 'no\/slash': only letters, digits/);
    expect((await tidemark(["revision", "-m", "first", "--rev-id", "first0000001"])).code).toBe(0);
    expect((await tidemark(["revision", "-m", "again", "--rev-id", "first0000001"])).stderr).toMatch(/^error: Revision first0000001 already exists/);
    expect((await tidemark(["revision", "-m", "x", "--branch-label", "head"])).stderr).toMatch(/^error: Invalid branch label 'head'/);
    expect((await tidemark(["revision", "-m", "second", "--rev-id", "second000001"])).code).toBe(0);
    const notHead = await tidemark(["revision", "-m", "x", "--head", "first0000001"]);
    expect(notHead.stderr).toMatch(/^error: Revision first0000001 is not a head revision\. Name a head .* or add --splice/);
    expect((await tidemark(["revision", "-m", "x", "--head", "first0000001", "--splice"])).code).toBe(0);
    expect((await tidemark(["revision"])).stderr).toMatch(/^error: Missing -m MESSAGE\./);
  });
});
