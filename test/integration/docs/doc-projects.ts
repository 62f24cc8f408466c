import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { connect } from "../../../src/driver/connect.js";
import { createPglite } from "../../../src/driver/pglite-template.js";
import { exampleProject } from "../../support/example-project.js";

const REPO = new URL("../../../", import.meta.url).pathname;
const FIXTURES = join(REPO, "fixtures", "docs");

export interface DocProject {
  readonly dir: string;
  dispose(): void;
}

/** The projects a page can start from (`<!-- doc-test: project=NAME -->`). */
export const PROJECT_NAMES = ["empty", "example", "example-models", "existing-database", "drizzle-kit"] as const;
export type ProjectName = (typeof PROJECT_NAMES)[number];

export function isProjectName(name: string): name is ProjectName {
  return (PROJECT_NAMES as readonly string[]).includes(name);
}

/**
 * - `empty`: a folder with only `tidemark` and `drizzle-orm` installed (links to this checkout);
 * - `example`: the repository's example project as a clone has it (config, models, migrations);
 * - `example-models`: the same without its migrations;
 * - `existing-database`: `empty`, with fixtures/docs/existing-database/schema.sql in its
 *   embedded database (tables made by hand, no tidemark table);
 * - `drizzle-kit`: fixtures/docs/drizzle-kit-project, its drizzle/ folder applied to the
 *   embedded database by drizzle-orm's own migrator.
 */
export async function makeProject(name: ProjectName): Promise<DocProject> {
  switch (name) {
    case "example":
      return exampleProject({ migrations: true });
    case "example-models":
      return exampleProject();
    case "empty":
      return emptyProject();
    case "existing-database": {
      const project = emptyProject();
      const driver = await connect("pglite://.tidemark/db", project.dir);
      try {
        await driver.execute(readFileSync(join(FIXTURES, "existing-database", "schema.sql"), "utf8"));
      } finally {
        await driver.close();
      }
      return project;
    }
    case "drizzle-kit":
      return drizzleKitProject();
    default: {
      const unknown: never = name;
      throw new Error(`unknown project ${String(unknown)}`);
    }
  }
}

function emptyProject(): DocProject {
  const dir = mkdtempSync(join(tmpdir(), "tidemark-docs-"));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(REPO, join(dir, "node_modules", "tidemark"), "dir");
  symlinkSync(join(REPO, "node_modules", "drizzle-orm"), join(dir, "node_modules", "drizzle-orm"), "dir");
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

async function drizzleKitProject(): Promise<DocProject> {
  const project = emptyProject();
  cpSync(join(FIXTURES, "drizzle-kit-project"), project.dir, { recursive: true });
  symlinkSync(join(REPO, "node_modules", "drizzle-kit"), join(project.dir, "node_modules", "drizzle-kit"), "dir");
  mkdirSync(join(project.dir, ".tidemark", "db"), { recursive: true });
  const client = await createPglite(join(project.dir, ".tidemark", "db"));
  try {
    await migrate(drizzle(client), { migrationsFolder: join(project.dir, "drizzle") });
  } finally {
    await client.close();
  }
  return project;
}
