import { afterEach, describe, expect, it } from "vitest";
import type { Project } from "../../../src/commands/open-project.js";
import { verifyProject } from "../../../src/commands/verify.js";
import type { VerifyProgress, VerifyResult } from "../../../src/commands/verify-result.js";
import { summarizeChanges } from "../../../src/codegen/summarize-changes.js";
import { SERVER_URL } from "../../support/backends.js";
import { migrationProject, type MigrationProject } from "../../support/migration-project.js";

/** Where scratch databases are made: PGlite in memory always, the server when TEST_DATABASE_URL is set. */
const SHADOWS = [
  { name: "pglite", url: "pglite://memory", available: true },
  { name: "postgres", url: SERVER_URL ?? "", available: SERVER_URL !== undefined },
] as const;

let projects: MigrationProject[] = [];

afterEach(() => {
  projects.forEach((project) => project.dispose());
  projects = [];
});

function projectOf(shadowUrl: string, ...fixtures: string[]): { readonly project: Project; readonly fixture: MigrationProject } {
  const fixture = migrationProject(...fixtures);
  projects.push(fixture);
  return { fixture, project: { config: fixture.config, url: "pglite://memory", shadowUrl } };
}

const statuses = (result: VerifyResult) =>
  [result.heads, result.upgrade, result.models, result.downgrade, result.again].map((check) => check.status);

const ranOf = (check: VerifyResult["downgrade"] | VerifyResult["upgrade"]) => ("ran" in check ? check.ran : null);

describe.each(SHADOWS)("verify on a scratch database ($name)", (shadow) => {
  it.skipIf(!shadow.available)("passes a linear history: every step up, every step down, up again (no models: that check is skipped)", async () => {
    const { project } = projectOf(shadow.url, "linear");
    const events: VerifyProgress[] = [];
    const result = await verifyProject(project, { onProgress: (event) => events.push(event) });
    expect(statuses(result)).toEqual(["ok", "ok", "skipped", "ok", "ok"]);
    expect(result.revisions.map((meta) => meta.revision)).toEqual(["aaaa00000001", "bbbb00000002", "cccc00000003"]);
    expect(ranOf(result.downgrade)).toEqual(["cccc00000003", "bbbb00000002", "aaaa00000001"]);
    expect(ranOf(result.again)).toEqual(["aaaa00000001", "bbbb00000002", "cccc00000003"]);
    expect(result.models).toEqual({ status: "skipped", reason: "no model file matches schema/**/*.ts" });
    expect(events.map((event) => `${event.phase} ${event.revision?.revision ?? "-"}`)).toEqual([
      "up aaaa00000001", "up bbbb00000002", "up cccc00000003", "models -",
      "down cccc00000003", "down bbbb00000002", "down aaaa00000001",
      "again aaaa00000001", "again bbbb00000002", "again cccc00000003",
    ]);
  });

  it.skipIf(!shadow.available)("names the down that leaves a column behind, and stops there", async () => {
    const { project } = projectOf(shadow.url, "leaky-down");
    const result = await verifyProject(project);
    expect(statuses(result)).toEqual(["ok", "ok", "skipped", "changes", "skipped"]);
    if (result.downgrade.status !== "changes") throw new Error("expected a difference");
    expect(result.downgrade.ran).toEqual(["1eaf00000003", "1eaf00000002"]);
    expect(result.downgrade.mismatch.revision.revision).toBe("1eaf00000002");
    expect(result.downgrade.mismatch.revision.file).toMatch(/_1eaf00000002_add_nickname_and_bio\.ts$/);
    expect(summarizeChanges(result.downgrade.mismatch.changes)).toEqual(["add column public.users.nickname (text)"]);
    expect(result.again).toEqual({ status: "skipped", reason: "the downgrade stopped at 1eaf00000002" });
  });

  it.skipIf(!shadow.available)("names the migration whose up throws, with PostgreSQL's message; the rest is skipped", async () => {
    const { project } = projectOf(shadow.url, "failing");
    const result = await verifyProject(project);
    expect(statuses(result)).toEqual(["ok", "failed", "skipped", "skipped", "skipped"]);
    if (result.upgrade.status !== "failed") throw new Error("expected a failure");
    expect(result.upgrade.ran).toEqual(["f000000000a1", "f000000000b2"]);
    expect(result.upgrade.failure).toMatchObject({
      revision: "f000000000b2",
      direction: "up",
      statement: "INSERT INTO public.no_such_table VALUES (1)",
      message: 'relation "public.no_such_table" does not exist',
    });
    expect(result.upgrade.failure.file).toMatch(/_f000000000b2_fails\.ts$/);
  });

});

/** Cases that are not about the backend run once: on the server when there is one (it starts in a blink), else PGlite. */
describe("verify on one scratch database", () => {
  const shadow = { url: SERVER_URL ?? "pglite://memory" };

  it("names the migration whose down throws", async () => {
    const { project } = projectOf(shadow.url, "verify-down-fails");
    const result = await verifyProject(project);
    expect(statuses(result)).toEqual(["ok", "ok", "skipped", "failed", "skipped"]);
    if (result.downgrade.status !== "failed") throw new Error("expected a failure");
    expect(result.downgrade.failure).toMatchObject({ revision: "d0d0000000f1", direction: "down", message: 'table "note" does not exist' });
  });

  it("walks a branched history joined by a merge, down in the reverse of the up order", async () => {
    const { project } = projectOf(shadow.url, "branched", "verify-merge");
    const result = await verifyProject(project);
    expect(statuses(result)).toEqual(["ok", "ok", "skipped", "ok", "ok"]);
    const up = result.revisions.map((meta) => meta.revision);
    expect(up[0]).toBe("0000base0001");
    expect(up.at(-1)).toBe("e0e0merge001");
    expect([...up].sort()).toEqual(["0000base0001", "5222search01", "b111billing1", "e0e0merge001"]);
    expect(ranOf(result.downgrade)).toEqual([...up].reverse());
  });

  it("--from checks only the revisions after it, and goes down to it, not to base", async () => {
    const { project } = projectOf(shadow.url, "linear");
    const events: VerifyProgress[] = [];
    const result = await verifyProject(project, { from: "aaaa", onProgress: (event) => events.push(event) });
    expect(result.from?.revision).toBe("aaaa00000001");
    expect(statuses(result)).toEqual(["ok", "ok", "skipped", "ok", "ok"]);
    expect(ranOf(result.upgrade)).toEqual(["bbbb00000002", "cccc00000003"]);
    expect(ranOf(result.downgrade)).toEqual(["cccc00000003", "bbbb00000002"]);
    expect(events[0]).toMatchObject({ phase: "from", revision: { revision: "aaaa00000001" } });
    expect(events.filter((event) => event.revision?.revision === "aaaa00000001")).toHaveLength(1);
  });

  it("--from a revision whose up throws names it", async () => {
    const { project } = projectOf(shadow.url, "failing");
    const result = await verifyProject(project, { from: "f000000000b2" });
    expect(statuses(result)).toEqual(["ok", "failed", "skipped", "skipped", "skipped"]);
    expect(result.upgrade).toMatchObject({ status: "failed", failure: { revision: "f000000000b2", direction: "up" } });
  });
});

describe("verify before any database", () => {
  it("several heads: that check fails naming them, nothing else runs, no scratch database is made", async () => {
    // An unreachable shadow URL proves nothing connects.
    const { project } = projectOf("postgres://nobody@127.0.0.1:1/none", "branched");
    const result = await verifyProject(project);
    expect(result.heads).toEqual({ status: "failed", heads: ["b111billing1", "5222search01"] });
    expect(statuses(result)).toEqual(["failed", "skipped", "skipped", "skipped", "skipped"]);
  });

  it("no migrations: nothing to verify, and not a failure", async () => {
    const { project } = projectOf("postgres://nobody@127.0.0.1:1/none");
    const result = await verifyProject(project);
    expect(statuses(result)).toEqual(["none", "skipped", "skipped", "skipped", "skipped"]);
  });

  it("--from that names no revision is refused before any database is made", async () => {
    const { project } = projectOf("postgres://nobody@127.0.0.1:1/none", "linear");
    await expect(verifyProject(project, { from: "base+4" })).rejects.toThrow(/Relative revision \+4/);
  });
});
