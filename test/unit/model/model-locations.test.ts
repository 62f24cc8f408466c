import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Change } from "../../../src/diff/change.js";
import { readModelLocations, type ModelLocations } from "../../../src/model/model-locations.js";
import { FIXTURES } from "../../support/fixture-cases.js";
import { column, enumType, index, table } from "../diff/build-schema.js";

const MODELS = join(FIXTURES, "report/models");
const users = table("users", [column("id", "integer"), column("display_name")]);
const posts = table("posts", [column("id", "integer")]);
const sessions = { ...table("sessions", [column("id", "integer")]), schema: "auth" };
const sessionsName = { schema: "auth", name: "sessions" };

/** `file:line`, relative to the fixture folder, or null. */
function at(locations: ModelLocations, change: Change): string | null {
  const found = locations.locate(change);
  return found === null ? null : `${found.file.slice(MODELS.length + 1)}:${found.line}`;
}

describe("readModelLocations", () => {
  it("finds tables in pgTable and in a schema's table, whatever the line their name is on", async () => {
    const locations = await readModelLocations(MODELS, ["*.ts"]);
    expect(at(locations, { kind: "createTable", to: users })).toBe("blog.ts:9");
    expect(at(locations, { kind: "createTable", to: posts })).toBe("blog.ts:20");
    expect(at(locations, { kind: "createTable", to: sessions })).toBe("auth.ts:7");
    expect(at(locations, { kind: "createNamespace", to: { name: "auth", comment: null } })).toBe("schemas.ts:5");
  });

  it("puts a column change on the column's line: named, named on the next line, or named by its key", async () => {
    const locations = await readModelLocations(MODELS, ["*.ts"]);
    const add = (tableName: { schema: string; name: string }, name: string) => at(locations, { kind: "addColumn", table: tableName, to: column(name) });
    const inPublic = (name: string) => ({ schema: "public", name });
    expect(add(inPublic("users"), "display_name")).toBe("blog.ts:14");
    expect(add(inPublic("users"), "email")).toBe("blog.ts:13");
    expect(add(inPublic("users"), "nickname")).toBe("blog.ts:15");
    expect(add(inPublic("posts"), "author_id")).toBe("blog.ts:22");
    expect(add(inPublic("posts"), "status")).toBe("blog.ts:25");
    expect(add(inPublic("posts"), "body_text")).toBe("blog.ts:26");
    expect(add(inPublic("posts"), "url")).toBe("blog.ts:29");
    expect(add(sessionsName, "token")).toBe("auth.ts:10");
    expect(add(sessionsName, "user_id")).toBe("auth.ts:9");
    expect(add(sessionsName, "userId")).toBe("auth.ts:9");
    expect(add(sessionsName, "expires at")).toBe("auth.ts:11");
    expect(add(sessionsName, "role")).toBe("auth.ts:12");
  });

  it("maps keys by the config's casing when it is given", async () => {
    const snake = await readModelLocations(MODELS, ["*.ts"], { casing: "snake_case" });
    const add = (locations: ModelLocations, name: string) => at(locations, { kind: "addColumn", table: sessionsName, to: column(name) });
    expect(add(snake, "user_id")).toBe("auth.ts:9");
    expect(add(snake, "userId")).toBe("auth.ts:7");
    const asIs = await readModelLocations(MODELS, ["*.ts"], { casing: undefined });
    expect(add(asIs, "userId")).toBe("auth.ts:9");
    expect(add(asIs, "user_id")).toBe("auth.ts:7");
  });

  it("puts a change to a column not in the models, an index or a constraint on its table's line", async () => {
    const locations = await readModelLocations(MODELS, ["*.ts"]);
    const usersName = { schema: "public", name: "users" };
    expect(at(locations, { kind: "dropColumn", table: usersName, from: column("legacy") })).toBe("blog.ts:9");
    expect(at(locations, { kind: "createIndex", table: usersName, to: index("users_email_idx", ["email"]) })).toBe("blog.ts:9");
    const renamed = { kind: "renameColumn", table: usersName, from: column("name"), to: column("display_name"), inferred: true } as const;
    expect(at(locations, renamed)).toBe("blog.ts:14");
    const back = { kind: "alterColumn", table: usersName, from: column("display_name"), to: column("gone") } as const;
    expect(at(locations, back)).toBe("blog.ts:14");
  });

  it("finds enums, sequences and views, and nothing for what the models do not have", async () => {
    const locations = await readModelLocations(MODELS, ["*.ts"]);
    const status = enumType("post_status", ["draft", "published"]);
    expect(at(locations, { kind: "createEnum", to: status })).toBe("blog.ts:6");
    expect(at(locations, { kind: "createEnum", to: { ...enumType("role", []), schema: "auth" } })).toBe("auth.ts:5");
    const sequence = { schema: "public", name: "ticket_numbers" };
    expect(at(locations, { kind: "setComment", target: { on: "sequence", object: sequence }, from: null, to: "x" })).toBe("auth.ts:15");
    expect(at(locations, { kind: "setComment", target: { on: "view", object: { schema: "public", name: "published_posts" } }, from: null, to: "x" })).toBe("blog.ts:34");
    expect(at(locations, { kind: "dropTable", from: table("ghosts", []) })).toBeNull();
    expect(at(locations, { kind: "dropTable", from: table("drafts", []) })).toBeNull();
    expect(at(locations, { kind: "dropEnum", from: enumType("role", []) })).toBeNull();
    expect(at(locations, { kind: "createExtension", to: { name: "pgcrypto", schema: "public", version: null } })).toBeNull();
  });

  it("locates nothing when no file matches", async () => {
    const locations = await readModelLocations(MODELS, ["missing/*.ts"]);
    expect(at(locations, { kind: "createTable", to: users })).toBeNull();
  });
});
