import { describe, expect, it } from "vitest";
import { introspect } from "../../../src/introspect/introspect.js";
import type { QualifiedName } from "../../../src/ir/qualified-name.js";
import { BACKENDS, backendTitle, withDatabaseOf } from "../../support/backends.js";
import { fixtureCases, readJson, readText } from "../../support/fixture-cases.js";

interface CaseOptions {
  readonly schemas?: readonly string[];
  readonly exclude?: readonly QualifiedName[];
}

interface VersionOverrides {
  readonly why: string;
  readonly overrides: readonly { readonly path: readonly string[]; readonly value: unknown }[];
}

/** The expected IR is PostgreSQL 18's rendering; older servers print a few things differently. */
function expectedFor(dir: string, serverVersion: number): unknown {
  const expected = readJson<Record<string, unknown>>(dir, "expected.json");
  if (serverVersion >= 160000) return expected;
  const { overrides } = readJson<VersionOverrides>(dir, "expected.before-pg16.json", { why: "", overrides: [] });
  for (const { path, value } of overrides) setPath(expected, path, value);
  return expected;
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  const last = path.at(-1);
  let node = target;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  if (last === undefined || !(last in node)) throw new Error(`override path ${path.join(" / ")} is not in expected.json`);
  node[last] = value;
}

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`introspection fixtures on ${backendTitle(backend)}`, () => {
    for (const fixture of fixtureCases("introspect")) {
      it(fixture.name, async () => {
        await withDatabaseOf(backend, async ({ driver }) => {
          const options = readJson<CaseOptions>(fixture.dir, "case.json", {});
          await driver.execute(readText(fixture.dir, "schema.sql"));
          const [row] = await driver.query<{ v: number }>("select current_setting('server_version_num')::int as v");
          const schema = await introspect(driver, { schemas: options.schemas ?? ["public"], exclude: options.exclude ?? [] });
          expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
          expect(schema).toEqual(expectedFor(fixture.dir, row?.v ?? 0));
        });
      });
    }
  });
}
