import { describe, expect, it } from "vitest";
import type { DrizzleKitMigration } from "../../../src/commands/import/drizzle-kit-folder.js";
import { lastAppliedIndex } from "../../../src/commands/import/drizzle-kit-history.js";
import { DrizzleKitHistoryMismatchError } from "../../../src/commands/import/import-errors.js";

const TABLE = { schema: "drizzle", name: "__drizzle_migrations" };
const migration = (tag: string, when: number, hash: string): DrizzleKitMigration => ({ tag, when, hash, file: `/p/drizzle/${tag}.sql`, statements: [] });
const MIGRATIONS = [migration("0000_a", 100, "h0"), migration("0001_b", 200, "h1"), migration("0002_c", 300, "h2")];

describe("lastAppliedIndex", () => {
  it("is null when the migrator ran nothing", () => {
    expect(lastAppliedIndex(MIGRATIONS, [], TABLE)).toBeNull();
  });

  it("is the newest row's migration, matched by time and hash, whatever the rows' order", () => {
    expect(lastAppliedIndex(MIGRATIONS, [{ hash: "h0", createdAt: 100 }, { hash: "h1", createdAt: 200 }], TABLE)).toBe(1);
    expect(lastAppliedIndex(MIGRATIONS, [{ hash: "h2", createdAt: 300 }, { hash: "h0", createdAt: 100 }], TABLE)).toBe(2);
  });

  it("refuses a file edited since it ran, naming it", () => {
    const attempt = () => lastAppliedIndex(MIGRATIONS, [{ hash: "h0", createdAt: 100 }, { hash: "other", createdAt: 200 }], TABLE);
    expect(attempt).toThrow(DrizzleKitHistoryMismatchError);
    expect(attempt).toThrow("/p/drizzle/0001_b.sql differs from the migration drizzle.__drizzle_migrations records as applied (created_at 200): its sha256 does not match");
  });

  it("refuses a row the journal does not list", () => {
    expect(() => lastAppliedIndex(MIGRATIONS, [{ hash: "h9", createdAt: 999 }], TABLE)).toThrow(
      "drizzle.__drizzle_migrations records a migration made at 999 (created_at) that the folder's journal does not list",
    );
  });
});
