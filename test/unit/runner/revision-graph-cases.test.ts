import { describe, expect, it } from "vitest";
import { appliedSet, versionRows } from "../../../src/runner/applied-set.js";
import { planDowngrade, planStamp, planUpgrade, rowsForTarget } from "../../../src/runner/plan-steps.js";
import { RevisionGraph } from "../../../src/runner/revision-graph.js";
import { FIXTURES, readJson } from "../../support/fixture-cases.js";
import { expectError, formatStep, graphCases, metasOf, type ExpectedError, type Operation, type RevisionSpec } from "./graph-case.js";

/** What an operation gives, in the form its fixture states it. */
function run(graph: RevisionGraph, op: Operation): unknown {
  const rows = op.rows ?? [];
  const target = op.target ?? "";
  switch (op.op) {
    case "upgrade":
      return planUpgrade(graph, rows, target).map(formatStep);
    case "downgrade":
      return planDowngrade(graph, rows, target).map(formatStep);
    case "stamp":
      return planStamp(graph, rows, op.targets ?? [], op.purge ?? false);
    case "history":
      return graph.history(op.range, op.rows).map((meta) => meta.revision);
    case "resolve":
      return graph.resolve(target).revision;
    case "offlineRows":
      return rowsForTarget(graph, target);
    case "applied": {
      const applied = appliedSet(graph, rows);
      return { applied: graph.sorted(applied), versionRows: versionRows(graph, applied) };
    }
    default: {
      const unknown: never = op.op;
      throw new Error(`unknown operation ${String(unknown)}`);
    }
  }
}

function expected(op: Operation): unknown {
  switch (op.op) {
    case "upgrade":
    case "downgrade":
      return op.steps;
    case "stamp":
      return op.rowsAfter;
    case "history":
      return op.revisions;
    case "resolve":
      return op.revision;
    case "offlineRows":
      return op.rows;
    case "applied":
      return { applied: op.applied, versionRows: op.versionRows };
    default: {
      const unknown: never = op.op;
      throw new Error(`unknown operation ${String(unknown)}`);
    }
  }
}

function title(op: Operation): string {
  const what = op.op === "stamp" ? (op.targets ?? []).join(" ") + (op.purge === true ? " --purge" : "") : op.op === "history" ? op.range ?? "(all)" : op.target;
  const at = op.op === "resolve" || op.op === "offlineRows" ? "" : ` from [${(op.rows ?? []).join(", ")}]`;
  return `${op.op} ${JSON.stringify(what)}${at}${op.error === undefined ? "" : ` fails with ${op.error.class}`}`;
}

for (const { name, data } of graphCases()) {
  describe(`graph ${name}`, () => {
    const graph = RevisionGraph.build(metasOf(data.revisions));
    const shape = data.graph;

    it("has the expected order, heads, bases, branch and merge points", () => {
      expect(graph.all().map((meta) => meta.revision)).toEqual(shape.all);
      expect(graph.heads()).toEqual(shape.heads);
      expect(graph.bases()).toEqual(shape.bases);
      expect(graph.branchPoints()).toEqual(shape.branchPoints);
      expect(graph.mergePoints()).toEqual(shape.mergePoints);
      for (const [revision, children] of Object.entries(shape.children ?? {})) expect(graph.children(revision), revision).toEqual(children);
      for (const [revision, dependents] of Object.entries(shape.dependents ?? {})) expect(graph.dependents(revision), revision).toEqual(dependents);
      if (shape.labels !== undefined) expect(graph.labels()).toEqual(shape.labels);
      for (const [branchName, branch] of Object.entries(shape.branches ?? {})) {
        const extent = graph.branch(branchName);
        expect({ members: graph.sorted(extent.members), bottom: extent.bottom }, branchName).toEqual(branch);
      }
    });

    for (const op of data.operations) {
      it(title(op), () => {
        if (op.error !== undefined) {
          expectError(() => run(graph, op), op.error);
          return;
        }
        expect(run(graph, op)).toEqual(expected(op));
      });
    }

    it("plans steps whose version rows follow on from each other", () => {
      for (const op of data.operations.filter((o) => (o.op === "upgrade" || o.op === "downgrade") && o.error === undefined)) {
        const plan = op.op === "upgrade" ? planUpgrade(graph, op.rows ?? [], op.target ?? "") : planDowngrade(graph, op.rows ?? [], op.target ?? "");
        // The rows each step records are exactly those of the applied set after it, computed in full.
        const applied = new Set(appliedSet(graph, op.rows ?? []));
        plan.forEach((step, i) => {
          if (i > 0) expect(step.rowsBefore).toBe(plan[i - 1]?.rowsAfter);
          if (step.direction === "up") applied.add(step.meta.revision);
          else applied.delete(step.meta.revision);
          expect(step.rowsAfter).toEqual(versionRows(graph, applied));
          expect(versionRows(graph, appliedSet(graph, step.rowsAfter))).toEqual(step.rowsAfter);
        });
      }
    });
  });
}

describe("graph build errors", () => {
  const { cases } = readJson<{ cases: readonly { name: string; revisions: readonly RevisionSpec[]; error: ExpectedError }[] }>(
    `${FIXTURES}/runner`,
    "build-errors.json",
  );
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_, buildCase) => {
    expectError(() => RevisionGraph.build(metasOf(buildCase.revisions)), buildCase.error);
  });
});
