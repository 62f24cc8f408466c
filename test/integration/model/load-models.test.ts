import { describe, expect, it } from "vitest";
import { loadModels } from "../../../src/model/load-models.js";
import { FIXTURES, readJson } from "../../support/fixture-cases.js";

interface LoadCase {
  readonly folder: string;
  readonly error?: string;
  readonly message?: string;
  readonly tables?: readonly string[];
}

const root = `${FIXTURES}/models/bad`;
const cases = readJson<{ cases: LoadCase[] }>(root, "cases.json").cases;
const options = { casing: undefined, schemaFilter: ["public"] } as const;

describe("loadModels on files that cannot be used", () => {
  it.each(cases.filter((c) => c.error !== undefined))("$folder: $error", async ({ folder, error, message }) => {
    const attempt = loadModels(`${root}/${folder}`, ["**/*.ts"], options);
    await expect(attempt).rejects.toMatchObject({ name: error });
    await expect(attempt).rejects.toThrow(new RegExp(message ?? ""));
  });

  it.each(cases.filter((c) => c.tables !== undefined))("$folder loads", async ({ folder, tables }) => {
    const schema = await loadModels(`${root}/${folder}`, ["**/*.ts"], options);
    expect(Object.keys(schema.tables)).toEqual(tables);
  });
});

describe("loadModels on the example project", () => {
  it("reads the blog models, with drizzle's names for unnamed constraints", async () => {
    const schema = await loadModels(new URL("../../../", import.meta.url).pathname, ["schema/**/*.ts"], options);
    expect(Object.keys(schema.tables).sort()).toEqual(["public.comments", "public.posts", "public.users"]);
    expect(Object.keys(schema.tables["public.posts"]?.foreignKeys ?? {})).toEqual(["posts_author_id_users_id_fk"]);
    expect(schema.enums["public.post_status"]?.values).toEqual(["draft", "published", "archived"]);
  });
});
