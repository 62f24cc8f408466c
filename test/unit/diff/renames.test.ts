import { describe, expect, it } from "vitest";
import type { Change } from "../../../src/diff/change.js";
import { diffSchemas, diffSchemasWithNotes } from "../../../src/diff/diff-schemas.js";
import { RenameHintError } from "../../../src/diff/rename-hint-error.js";
import { renameHintOf } from "../../../src/diff/rename-hints.js";
import { isRename } from "../../../src/diff/rename-change.js";
import { column, enumColumn, enumType, foreignKey, index, schema, table } from "./build-schema.js";

const id = column("id", "integer", { notNull: true });
const users = (...columns: ReturnType<typeof column>[]) => table("users", [id, ...columns]);
const summary = (changes: readonly Change[]) =>
  changes.map((change) => {
    switch (change.kind) {
      case "renameTable":
      case "renameEnum":
      case "renameIndex":
      case "renameColumn":
        return `${change.kind} ${change.from.name} -> ${change.to.name}${change.inferred ? " (inferred)" : ""}`;
      case "renameConstraint":
        return `${change.kind} ${change.from.def.name} -> ${change.to.def.name}${change.inferred ? " (inferred)" : ""}`;
      case "addColumn":
        return `${change.kind} ${change.to.name}`;
      case "dropColumn":
      case "alterColumn":
        return `${change.kind} ${change.from.name}`;
      default:
        return change.kind;
    }
  });

describe("inferred renames", () => {
  it("pairs a dropped column with an added one of the same definition and a similar name", () => {
    const changes = diffSchemas(schema({ tables: [users(column("fullname"))] }), schema({ tables: [users(column("full_name"))] }));
    expect(summary(changes)).toEqual(["renameColumn fullname -> full_name (inferred)"]);
    expect(changes[0]).toMatchObject({ table: { schema: "public", name: "users" } });
  });

  it("does not pair names that are not similar, nor definitions that differ", () => {
    const before = schema({ tables: [users(column("fullname"), column("a"))] });
    const after = schema({ tables: [users(column("zzz_totally_else"), column("full_name", "character varying(20)"))] });
    expect(summary(diffSchemas(before, after)).sort()).toEqual(
      ["addColumn full_name", "addColumn zzz_totally_else", "dropColumn a", "dropColumn fullname"],
    );
  });

  it("writes an ambiguous case as drop and add, with a note naming the candidates", () => {
    const { changes, notes } = diffSchemasWithNotes(
      schema({ tables: [users(column("name"))] }),
      schema({ tables: [users(column("first_name"), column("last_name"))] }),
    );
    expect(summary(changes)).toEqual(["dropColumn name", "addColumn first_name", "addColumn last_name"]);
    expect(notes).toEqual([
      { kind: "ambiguousRename", object: "column", table: { schema: "public", name: "users" }, dropped: ["name"], added: ["first_name", "last_name"] },
    ]);
  });

  it("renames a table whose columns are the same, and the constraint and index names that follow its name", () => {
    const customer = table("customer", [id, column("email")], {
      primaryKey: { name: "customer_pkey", columns: ["id"] },
      indexes: { customer_email_idx: index("customer_email_idx", ["email"]) },
    });
    const customers = table("customers", customer.columns, {
      primaryKey: { name: "customers_pkey", columns: ["id"] },
      indexes: { customers_email_idx: index("customers_email_idx", ["email"]) },
    });
    const orders = (target: typeof customer, fk: string) =>
      table("orders", [id, column("customer_id", "integer")], { foreignKeys: { [fk]: foreignKey(fk, ["customer_id"], target, ["id"]) } });
    const changes = diffSchemas(
      schema({ tables: [customer, orders(customer, "orders_customer_id_customer_id_fk")] }),
      schema({ tables: [customers, orders(customers, "orders_customer_id_customers_id_fk")] }),
    );
    expect(summary(changes)).toEqual([
      "renameTable customer -> customers (inferred)",
      "renameConstraint customer_pkey -> customers_pkey (inferred)",
      "renameConstraint orders_customer_id_customer_id_fk -> orders_customer_id_customers_id_fk (inferred)",
      "renameIndex customer_email_idx -> customers_email_idx (inferred)",
    ]);
  });

  it("does not turn a dropped table and a different new one into a rename", () => {
    const changes = diffSchemas(schema({ tables: [table("post", [id, column("title")])] }), schema({ tables: [table("posts", [id, column("body")])] }));
    expect(summary(changes)).toEqual(["dropTable", "createTable"]);
  });

  it("renames an enum with the same values, and the columns that use it follow", () => {
    const status = enumType("status", ["a", "b"]);
    const statuses = enumType("statuses", ["a", "b"]);
    const withDefault = (type: typeof status) =>
      table("t", [enumColumn("s", type, { default: { kind: "expression", sql: `'a'::${`public.${type.name}`}` } })]);
    const changes = diffSchemas(schema({ enums: [status], tables: [withDefault(status)] }), schema({ enums: [statuses], tables: [withDefault(statuses)] }));
    expect(summary(changes)).toEqual(["renameEnum status -> statuses (inferred)"]);
  });

  it("notes ambiguous tables by their keys, and pairs none of them", () => {
    const shape = [id, column("body")];
    const { changes, notes } = diffSchemasWithNotes(
      schema({ tables: [table("post", shape)] }),
      schema({ tables: [table("posts", shape), table("blog_post", shape)] }),
    );
    expect(summary(changes).sort()).toEqual(["createTable", "createTable", "dropTable"]);
    expect(notes).toEqual([{ kind: "ambiguousRename", object: "table", dropped: ["public.post"], added: ["public.posts", "public.blog_post"] }]);
  });

  it("pairs the rest when the author turns one candidate down", () => {
    const shape = [id, column("body")];
    const changes = diffSchemas(schema({ tables: [table("post", shape)] }), schema({ tables: [table("posts", shape), table("blog_post", shape)] }), {
      rejected: [{ from: "post", to: "blog_post" }],
    });
    expect(summary(changes)).toEqual(["renameTable post -> posts (inferred)", "createTable"]);
  });

  it("guesses nothing when detectRenames is false", () => {
    const changes = diffSchemas(schema({ tables: [users(column("fullname"))] }), schema({ tables: [users(column("full_name"))] }), { detectRenames: false });
    expect(summary(changes)).toEqual(["dropColumn fullname", "addColumn full_name"]);
  });

  it("writes a turned-down rename as drop and add, given in the spelling renameHintOf gives it", () => {
    const before = schema({ tables: [users(column("fullname"))] });
    const after = schema({ tables: [users(column("full_name"))] });
    const [inferred] = diffSchemas(before, after);
    if (inferred === undefined || !isRename(inferred)) throw new Error("expected an inferred rename");
    expect(renameHintOf(inferred)).toEqual({ from: "column:public.users.fullname", to: "column:public.users.full_name" });
    expect(summary(diffSchemas(before, after, { rejected: [renameHintOf(inferred)] }))).toEqual(["dropColumn fullname", "addColumn full_name"]);
  });
});

describe("stated renames", () => {
  const people = (columns: ReturnType<typeof column>[]) =>
    table("people", [id, ...columns], { primaryKey: { name: "people_pkey", columns: ["id"] }, indexes: { people_email_idx: index("people_email_idx", ["email"]) } });
  const usersTable = table("users", [id, column("email"), column("fullname")], {
    primaryKey: { name: "users_pkey", columns: ["id"] },
    indexes: { users_email_idx: index("users_email_idx", ["email"]) },
  });

  it("renames a table, its columns by either table name, and the names that follow; other changes stay", () => {
    const after = people([column("email"), column("display_name", "character varying(100)")]);
    const changes = diffSchemas(schema({ tables: [usersTable] }), schema({ tables: [after] }), {
      renames: [{ from: "users", to: "people" }, { from: "people.fullname", to: "people.display_name" }],
    });
    expect(summary(changes)).toEqual([
      "renameTable users -> people",
      "renameColumn fullname -> display_name",
      "renameConstraint users_pkey -> people_pkey",
      "renameIndex users_email_idx -> people_email_idx",
      "alterColumn display_name",
    ]);
    expect(changes.at(-1)).toMatchObject({ table: { name: "people" }, to: { type: { sql: "character varying(100)" } } });
  });

  it("applies a stated rename whatever the names, and takes a column named by its old table name", () => {
    const changes = diffSchemas(schema({ tables: [usersTable] }), schema({ tables: [people([column("email"), column("moniker")])] }), {
      renames: [{ from: "public.users", to: "public.people" }, { from: "column:users.fullname", to: "people.moniker" }],
      detectRenames: false,
    });
    expect(summary(changes)).toEqual([
      "renameTable users -> people",
      "renameColumn fullname -> moniker",
      "renameConstraint users_pkey -> people_pkey",
      "renameIndex users_email_idx -> people_email_idx",
    ]);
  });

  it.each([
    ["users.nickname", "users.full_name", "missingSource"],
    ["users.fullname", "users.nope", "missingTarget"],
    ["users.id", "users.full_name", "sourceKept"],
    ["nobody", "users", "missingSource"],
    ["enum:status", "state", "missingSource"],
    ["index:users_email_idx", "index:users_mail_idx", "missingTarget"],
  ])("rejects %s=%s (%s)", (from, to, problem) => {
    const before = schema({ tables: [usersTable] });
    const after = schema({ tables: [table("users", [id, column("email"), column("full_name")], { primaryKey: usersTable.primaryKey, indexes: usersTable.indexes })] });
    const attempt = () => diffSchemas(before, after, { renames: [{ from, to }] });
    expect(attempt).toThrow(RenameHintError);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ problem, rename: { from, to }, hint: "Check the names in --rename or the config's renames." });
    }
  });

  it("rejects two stated renames of one column", () => {
    const before = schema({ tables: [users(column("a"))] });
    const after = schema({ tables: [users(column("b"), column("c"))] });
    expect(() => diffSchemas(before, after, { renames: [{ from: "users.a", to: "users.b" }, { from: "users.a", to: "users.c" }] })).toThrow(/another stated rename/);
  });
});
