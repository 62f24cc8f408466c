import { readdirSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { TidemarkError } from "../../../src/errors/tidemark-error.js";
import type { MigrationMeta } from "../../../src/runner/migration-meta.js";
import type { Step } from "../../../src/runner/plan-steps.js";
import { FIXTURES, readJson } from "../../support/fixture-cases.js";

/** A revision as the graph fixtures write it. */
export interface RevisionSpec {
  readonly revision: string;
  readonly revises: readonly string[];
  readonly branchLabels?: readonly string[];
  readonly dependsOn?: readonly string[];
}

/** The error an operation must throw: its class name, some of its fields, part of its message. */
export interface ExpectedError {
  readonly class: string;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

export interface Operation {
  readonly op: "upgrade" | "downgrade" | "stamp" | "history" | "resolve" | "offlineRows" | "applied";
  readonly rows?: readonly string[];
  readonly target?: string;
  readonly targets?: readonly string[];
  readonly purge?: boolean;
  readonly range?: string;
  readonly steps?: readonly string[];
  readonly rowsAfter?: readonly string[];
  readonly revisions?: readonly string[];
  readonly revision?: string;
  readonly applied?: readonly string[];
  readonly versionRows?: readonly string[];
  readonly error?: ExpectedError;
  /** Why the case is there, for the reader. */
  readonly note?: string;
}

export interface GraphCase {
  readonly description: string;
  readonly revisions: readonly RevisionSpec[];
  readonly graph: {
    readonly all: readonly string[];
    readonly heads: readonly string[];
    readonly bases: readonly string[];
    readonly branchPoints: readonly string[];
    readonly mergePoints: readonly string[];
    readonly children?: Readonly<Record<string, readonly string[]>>;
    readonly dependents?: Readonly<Record<string, readonly string[]>>;
    readonly labels?: readonly string[];
    readonly branches?: Readonly<Record<string, { readonly members: readonly string[]; readonly bottom: string }>>;
  };
  readonly operations: readonly Operation[];
}

export const GRAPHS = join(FIXTURES, "runner", "graphs");

export function graphCases(): readonly { readonly name: string; readonly data: GraphCase }[] {
  return readdirSync(GRAPHS)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => ({ name: file.replace(/\.json$/, ""), data: readJson<GraphCase>(GRAPHS, file) }));
}

/** Metadata for the specs, in files named by position so that ties in the order follow the listing. */
export function metasOf(specs: readonly RevisionSpec[]): readonly MigrationMeta[] {
  return specs.map((spec, index) => ({
    revision: spec.revision,
    revises: spec.revises,
    branchLabels: spec.branchLabels ?? [],
    dependsOn: spec.dependsOn ?? [],
    transactional: true,
    message: `migration ${spec.revision}`,
    file: `/migrations/${String(index).padStart(3, "0")}_${spec.revision}.ts`,
    checksum: "0".repeat(64),
  }));
}

/** `up b: a -> b`: the direction, the revision, and the version rows before and after. */
export function formatStep(step: Step): string {
  const rows = (list: readonly string[]) => (list.length === 0 ? "base" : list.join(", "));
  return `${step.direction} ${step.meta.revision}: ${rows(step.rowsBefore)} -> ${rows(step.rowsAfter)}`;
}

/** Runs `work`, which must throw the expected TidemarkError with a hint. */
export function expectError(work: () => unknown, expected: ExpectedError): void {
  let thrown: unknown = undefined;
  try {
    work();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, "an error").toBeInstanceOf(TidemarkError);
  const error = thrown as TidemarkError;
  expect(error.name).toBe(expected.class);
  expect(error.hint.length).toBeGreaterThan(10);
  expect(error).toMatchObject(expected.fields);
  if (expected.message !== undefined) expect(error.message).toContain(expected.message);
}
