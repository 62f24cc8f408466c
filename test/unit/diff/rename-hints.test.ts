import { describe, expect, it } from "vitest";
import type { Change } from "../../../src/diff/change.js";
import { diffSchemas } from "../../../src/diff/diff-schemas.js";
import { parseHintPath } from "../../../src/diff/hint-path.js";
import { isRename } from "../../../src/diff/rename-change.js";
import { RenameHintError } from "../../../src/diff/rename-hint-error.js";
import { parseRenameHint, renameHintOf } from "../../../src/diff/rename-hints.js";
import { column, enumColumn, enumType, index, schema, table } from "./build-schema.js";

describe("parseRenameHint", () => {
  it.each([
    ["users.fullname=users.full_name", { from: "users.fullname", to: "users.full_name" }],
    [" users = people ", { from: "users", to: "people" }],
    ['"a=b".c=d', { from: '"a=b".c', to: "d" }],
  ])("splits %s", (text, hint) => {
    expect(parseRenameHint(text)).toEqual(hint);
  });

  it.each(["users", "users=", "=people", "a=b=c"])("refuses %s", (text) => {
    expect(() => parseRenameHint(text)).toThrow(RenameHintError);
  });
});

describe("parseHintPath", () => {
  it.each([
    ["users", { object: null, parts: ["users"] }],
    ["public.users.fullname", { object: null, parts: ["public", "users", "fullname"] }],
    ['enum:"My App"."Order Status"', { object: "enum", parts: ["My App", "Order Status"] }],
    ['column:"a.b"."say ""hi"""', { object: "column", parts: ["a.b", 'say "hi"'] }],
    ["Users.Name", { object: null, parts: ["Users", "Name"] }],
  ])("reads %s", (text, path) => {
    expect(parseHintPath(text)).toEqual(path);
  });

  it.each(["", "a..b", '"unclosed', 'a."', "a.b."])("refuses %j", (text) => {
    expect(parseHintPath(text)).toBeNull();
  });
});

describe("stated renames of enums, indexes and constraints", () => {
  const status = enumType("status", ["a"]);
  const state = enumType("state", ["a", "b"]);
  const before = schema({
    enums: [status],
    tables: [table("t", [enumColumn("s", status), column("e")], { indexes: { t_e_idx: index("t_e_idx", ["e"]) }, primaryKey: { name: "t_pk", columns: ["e"] } })],
  });
  const after = schema({
    enums: [state],
    tables: [table("t", [enumColumn("s", state), column("e")], { indexes: { by_e: index("by_e", ["e"]) }, primaryKey: { name: "t_primary", columns: ["e"] } })],
  });
  const renames = [
    { from: "enum:status", to: "state" },
    { from: "index:public.t_e_idx", to: "index:by_e" },
    { from: "constraint:t.t_pk", to: "constraint:t.t_primary" },
  ];

  it("renames each, and diffs what else changed against the new names", () => {
    const changes = diffSchemas(before, after, { renames, detectRenames: false });
    expect(changes.map((change) => change.kind)).toEqual(["renameEnum", "renameConstraint", "renameIndex", "alterEnum"]);
    expect(changes.filter(isRename).every((change) => !change.inferred)).toBe(true);
  });

  it("spells every rename so that it reads back as the same rename", () => {
    const changes = diffSchemas(before, after, { renames, detectRenames: false }).filter(isRename);
    const restated = diffSchemas(before, after, { renames: changes.map(renameHintOf), detectRenames: false });
    expect(restated).toEqual(diffSchemas(before, after, { renames, detectRenames: false }));
  });

  it("quotes names in the spelling where they must be", () => {
    const change: Change = {
      kind: "renameColumn",
      table: { schema: "My App", name: "User" },
      from: column("a.b"),
      to: column('say "hi"'),
      inferred: true,
    };
    if (!isRename(change)) throw new Error("not a rename");
    expect(renameHintOf(change)).toEqual({ from: 'column:"My App"."User"."a.b"', to: 'column:"My App"."User"."say ""hi"""' });
  });
});
