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

describe("loadModels with drizzle's casing", () => {
  it("names columns declared without a name from their keys, in the casing asked for", async () => {
    const root = `${FIXTURES}/models/casing`;
    const snake = await loadModels(root, ["schema.ts"], { casing: "snake_case", schemaFilter: ["public"] });
    const table = snake.tables["public.user_accounts"];
    expect(table?.columns.map((column) => column.name)).toEqual(["account_id", "team_id", "display_name", "created_at", "LegacyName"]);
    expect(table?.primaryKey?.columns).toEqual(["account_id", "team_id"]);
    expect(table?.indexes["user_accounts_display_idx"]?.keys.map((key) => key.value)).toEqual(["display_name"]);
    const asKeys = await loadModels(root, ["schema.ts"], { casing: undefined, schemaFilter: ["public"] });
    expect(asKeys.tables["public.user_accounts"]?.columns.map((column) => column.name)).toEqual(["accountId", "teamId", "displayName", "createdAt", "LegacyName"]);
  });
});
