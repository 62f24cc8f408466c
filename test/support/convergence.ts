import { autogenerate } from "../../src/sql/autogenerate.js";
import type { Change } from "../../src/diff/change.js";
import { diffSchemas } from "../../src/diff/diff-schemas.js";
import type { Driver } from "../../src/driver/driver.js";
import { introspect } from "../../src/introspect/introspect.js";
import type { Statement } from "../../src/sql/statement.js";
import { withDatabaseOf, type Backend } from "./backends.js";

export interface ConvergenceResult {
  readonly changes: readonly Change[];
  readonly up: readonly Statement[];
  readonly down: readonly Statement[];
  /** What still differs after up (against `after`) and after down (against `before`): both empty when it converges. */
  readonly leftAfterUp: readonly Change[];
  readonly leftAfterDown: readonly Change[];
}

export interface ConvergenceCase {
  readonly before: string;
  readonly after: string;
  readonly schemas: readonly string[];
  /** Run first in both databases (cluster-wide roles, say). */
  readonly setup?: string;
}

/**
 * migra's convergence test: build `before` and `after` in two fresh databases, plan before → after,
 * apply up to before and compare with after, then apply down and compare with before.
 */
export async function converge(backend: Backend, testCase: ConvergenceCase): Promise<ConvergenceResult> {
  const read = (driver: Driver) => introspect(driver, { schemas: testCase.schemas, exclude: [] });
  const target = await withDatabaseOf(backend, async ({ driver }) => {
    if (testCase.setup) await driver.execute(testCase.setup);
    if (testCase.after.trim()) await driver.execute(testCase.after);
    return read(driver);
  });
  return withDatabaseOf(backend, async ({ driver }) => {
    if (testCase.setup) await driver.execute(testCase.setup);
    if (testCase.before.trim()) await driver.execute(testCase.before);
    const initial = await read(driver);
    const { changes, plan } = autogenerate({ from: initial, to: target });
    await applyEach(driver, plan.up);
    const leftAfterUp = diffSchemas(await read(driver), target);
    await applyEach(driver, plan.down);
    const leftAfterDown = diffSchemas(await read(driver), initial);
    return { changes, up: plan.up, down: plan.down, leftAfterUp, leftAfterDown };
  });
}

/** One statement at a time, each committed (ALTER TYPE … ADD VALUE must be, before its value is used). */
async function applyEach(driver: Driver, statements: readonly Statement[]): Promise<void> {
  for (const statement of statements) {
    try {
      await driver.execute(statement.sql);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n  in: ${statement.sql}`, { cause: error });
    }
  }
}
