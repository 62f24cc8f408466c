import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BACKENDS, backendTitle } from "../../support/backends.js";
import { converge } from "../../support/convergence.js";
import { fixtureCases, readJson, readText } from "../../support/fixture-cases.js";

interface CaseOptions {
  readonly schemas?: readonly string[];
  /** Change kinds the plan must contain: proof that the case exercises what it is named for. */
  readonly expectKinds: readonly string[];
}

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`convergence on ${backendTitle(backend)}`, () => {
    for (const fixture of fixtureCases("convergence")) {
      it(fixture.name, async () => {
        const options = readJson<CaseOptions>(fixture.dir, "case.json");
        const result = await converge(backend, {
          before: existsSync(join(fixture.dir, "before.sql")) ? readText(fixture.dir, "before.sql") : "",
          after: existsSync(join(fixture.dir, "after.sql")) ? readText(fixture.dir, "after.sql") : "",
          schemas: options.schemas ?? ["public"],
        });
        expect(new Set(result.changes.map((change) => change.kind))).toEqual(new Set(options.expectKinds));
        expect(result.leftAfterUp, "differences left after up").toEqual([]);
        expect(result.leftAfterDown, "differences left after down").toEqual([]);
      });
    }
  });
}
