import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzleNodePostgres } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePostgres } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { connect } from "../../../src/driver/connect.js";
import { SERVER_URL } from "../../support/backends.js";
import { runBuiltCli } from "../../support/run-built-cli.js";
import { withServerDatabase } from "../../support/server-database.js";

const REPO = new URL("../../../", import.meta.url).pathname;
const DRIZZLE_KIT_FIXTURE = join(REPO, "fixtures", "drizzle-kit");

/** A database the CLI can open by URL, and a way to run SQL and read rows in it between CLI runs. */
interface Target {
  readonly name: string;
  readonly available: boolean;
  with(dir: string, work: (url: string) => Promise<void>): Promise<void>;
  /** drizzle-orm's own migrator, applying a drizzle-kit folder as a drizzle-kit project does. */
  drizzleMigrate(url: string, folder: string): Promise<void>;
}

const TARGETS: readonly Target[] = [
  {
    name: "PGlite (a data directory)",
    available: true,
    with: (dir, work) => work(`pglite://${join(dir, "db")}`),
    async drizzleMigrate(url, folder) {
      const client = new PGlite(url.slice("pglite://".length));
      try {
        await migratePglite(drizzlePglite(client), { migrationsFolder: folder });
      } finally {
        await client.close();
      }
    },
  },
  {
    name: "the server",
    available: SERVER_URL !== undefined,
    with: (_dir, work) => withServerDatabase((url) => work(url)),
    async drizzleMigrate(url, folder) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await migrateNodePostgres(drizzleNodePostgres(client), { migrationsFolder: folder });
      } finally {
        await client.end();
      }
    },
  },
];

/** Rows of one query, on a connection closed at once (a PGlite directory admits one process). */
async function query<Row extends object>(url: string, dir: string, sql: string): Promise<readonly Row[]> {
  const driver = await connect(url, dir);
  try {
    return await driver.query<Row>(sql);
  } finally {
    await driver.close();
  }
}

let dir: string;

/** A fresh folder with tidemark, drizzle-orm and drizzle-kit installed as a user's project has them. */
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "tidemark-start-"));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(REPO, join(dir, "node_modules", "tidemark"), "dir");
  for (const name of ["drizzle-orm", "drizzle-kit"]) symlinkSync(join(REPO, "node_modules", name), join(dir, "node_modules", name), "dir");
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = (url: string, ...args: string[]) => runBuiltCli(args, dir, { DATABASE_URL: url });

async function tidemark(url: string, ...args: string[]): Promise<string> {
  const result = await run(url, ...args);
  expect(result.stderr, `tidemark ${args.join(" ")}`).toBe("");
  expect(result.code, `tidemark ${args.join(" ")}`).toBe(0);
  return result.stdout;
}

/** Each case runs the built CLI five to eight times: PGlite boots in each (slow on a loaded machine). */
const TIMEOUT_MS = 240_000;

const migrationFiles = () => readdirSync(join(dir, "migrations")).filter((name) => name.endsWith(".ts")).sort();

describe.each(TARGETS)("starting points on $name", (target) => {
  it.skipIf(!target.available)("a new project: init, then the first revision, upgrade head and check with nothing edited; init again refuses", async () => {
    await target.with(dir, async (url) => {
      expect(await tidemark(url, "init")).toMatch(
        /^Wrote generator\.config\.ts\nWrote schema\/schema\.ts\nWrote migrations\/\.gitkeep\nWrote \.gitignore \(\.tidemark\/: [^\n]*\)\n\nNext: [^\n]*\n {2}tidemark revision --autogenerate -m "initial schema"\n {2}tidemark upgrade head\n/,
      );
      expect(await tidemark(url, "revision", "--autogenerate", "-m", "init")).toMatch(/^Wrote migrations\/\d{8}_\d{4}_[0-9a-f]{12}_init\.ts \(1 change\)/);
      expect(await tidemark(url, "upgrade", "head")).toMatch(/\nRan 1 migration/);
      expect((await run(url, "check")).code).toBe(0);

      const again = await run(url, "init");
      expect(again.code).toBe(1);
      expect(again.stdout).toBe("");
      expect(again.stderr).toMatch(/^error: Cannot init \S+: generator\.config\.ts, schema, migrations already exist\. Nothing was written\./);
      expect(readFileSync(join(dir, ".gitignore"), "utf8")).toBe(".tidemark/\n");
    });
  }, TIMEOUT_MS);

  it.skipIf(!target.available)("an existing database: a baseline from empty, stamp head, and the next autogenerate finds nothing", async () => {
    await target.with(dir, async (url) => {
      const driver = await connect(url, dir);
      await driver.execute(
        "CREATE TYPE public.mood AS ENUM ('happy', 'sad');" +
          "CREATE TABLE public.people (id serial PRIMARY KEY, name text NOT NULL, mood public.mood DEFAULT 'happy' NOT NULL);" +
          "CREATE TABLE public.pets (id serial PRIMARY KEY, owner_id integer NOT NULL CONSTRAINT pets_owner_id_people_id_fk REFERENCES public.people (id) ON DELETE CASCADE, name varchar(40));" +
          "CREATE INDEX pets_owner_idx ON public.pets (owner_id)",
      );
      await driver.close();
      await tidemark(url, "init");
      writeFileSync(join(dir, "schema", "schema.ts"), MODELS_OF_EXISTING_DATABASE);

      const baseline = await tidemark(url, "revision", "--autogenerate", "-m", "initial schema", "--from-empty");
      expect(baseline).toMatch(/^Wrote migrations\/\d{8}_\d{4}_[0-9a-f]{12}_initial_schema\.ts \(3 changes\)\n/);
      expect(baseline).toContain("Next: `tidemark stamp head`");
      const [file] = migrationFiles();
      const text = readFileSync(join(dir, "migrations", file ?? ""), "utf8");
      expect(text).toContain("export const revises = null;");
      expect(text).toContain("CREATE TABLE public.pets (");
      expect(text).toContain('await db.execute("DROP TABLE public.people");');

      expect(await tidemark(url, "stamp", "head")).toMatch(/^Stamped: the database is at [0-9a-f]{12}\./);
      expect(await tidemark(url, "revision", "--autogenerate", "-m", "next")).toMatch(/^No changes between the models and the database/);
      expect(migrationFiles()).toEqual([file]);

      const twice = await run(url, "revision", "--autogenerate", "-m", "again", "--from-empty");
      expect(twice.code).toBe(1);
      expect(twice.stderr).toMatch(/^error: migrations already holds 1 revision: --from-empty writes the first revision of a project\./);
    });
  }, TIMEOUT_MS);

  it.skipIf(!target.available)("a drizzle-kit project: applied by drizzle-orm's migrator, imported and stamped; current is at head, check is clean", async () => {
    cpSync(DRIZZLE_KIT_FIXTURE, dir, { recursive: true, filter: (path) => !path.endsWith("README.md") });
    await target.with(dir, async (url) => {
      await target.drizzleMigrate(url, join(dir, "drizzle"));
      const drizzleRows = await query<{ hash: string }>(url, dir, "select hash from drizzle.__drizzle_migrations order by id");
      expect(drizzleRows).toHaveLength(3);

      const imported = await tidemark(url, "import", "drizzle-kit", "drizzle");
      // Files made in the same minute sort by revision id: put them in journal order.
      const tagOf = (name: string) => name.replace(/^\d{8}_\d{4}_[0-9a-f]{12}_/, "");
      const files = [...migrationFiles()].sort((a, b) => tagOf(a).localeCompare(tagOf(b)));
      expect(files.map(tagOf)).toEqual([
        "0000_init.ts",
        "0001_comments_and_published_at.ts",
        "0002_moderators.ts",
      ]);
      const revisions = files.map((name) => name.split("_")[2] ?? "");
      expect(imported).toContain("Imported 3 drizzle-kit migrations from drizzle.\n");
      expect(imported).toContain(`Stamped: the database is at ${revisions[2]} (0002_moderators, the last migration drizzle-kit applied); no migration was run.`);
      const last = readFileSync(join(dir, "migrations", files[2] ?? ""), "utf8");
      expect(last).toContain(`export const revises = "${revisions[1]}";`);
      expect(last).toContain(`"ALTER TYPE \\"public\\".\\"role\\" ADD VALUE 'moderator' BEFORE 'admin'"`);

      expect(await tidemark(url, "current")).toBe(`${revisions[1]} -> ${revisions[2]} (head), 0002_moderators\n`);
      const history = await query<{ direction: string }>(url, dir, "select direction from public.tidemark_history order by id");
      expect(history.map((row) => row.direction)).toEqual(["stamp", "stamp", "stamp"]);
      expect(await query(url, dir, "select hash from drizzle.__drizzle_migrations order by id")).toEqual(drizzleRows);
      const check = await run(url, "check");
      expect(check.stderr).toBe("");
      expect(check.code).toBe(0);
    });
  }, TIMEOUT_MS);
});

/** Models written for the tables the existing-database case makes with SQL. */
const MODELS_OF_EXISTING_DATABASE = `import { index, integer, pgEnum, pgTable, serial, text, varchar } from "drizzle-orm/pg-core";

export const mood = pgEnum("mood", ["happy", "sad"]);

export const people = pgTable("people", {
  id: serial("id").primaryKey(),
  name: text("name").notNull(),
  mood: mood("mood").notNull().default("happy"),
});

export const pets = pgTable(
  "pets",
  {
    id: serial("id").primaryKey(),
    ownerId: integer("owner_id").notNull().references(() => people.id, { onDelete: "cascade" }),
    name: varchar("name", { length: 40 }),
  },
  (table) => [index("pets_owner_idx").on(table.ownerId)],
);
`;
