import { describe, expect, it } from "vitest";
import { TidemarkError } from "../../../src/errors/tidemark-error.js";
import * as errors from "../../../src/runner/revision-errors.js";
import { MultipleHeadsError } from "../../../src/runner/revision-errors.js";
import { RevisionGraph } from "../../../src/runner/revision-graph.js";
import { splitRange } from "../../../src/runner/revision-target.js";
import { decodeEscapes, leadingDocMessage } from "../../../src/runner/source-scanner.js";
import { expectError, graphCases, metasOf } from "./graph-case.js";

describe("RevisionGraph order", () => {
  it.each(graphCases().map((c) => [c.name, c.data] as const))("%s: does not depend on the order the files were read in", (_, data) => {
    const metas = metasOf(data.revisions);
    const expected = RevisionGraph.build(metas).all();
    const rotated = [...metas.slice(2), ...metas.slice(0, 2)];
    expect(RevisionGraph.build([...metas].reverse()).all()).toEqual(expected);
    expect(RevisionGraph.build(rotated).all()).toEqual(expected);
  });
});

describe("splitRange (offline `--sql start:end`)", () => {
  it.each([
    ["1a2b:head", { start: "1a2b", end: "head" }],
    [":head", { start: null, end: "head" }],
    ["billing@base:", { start: "billing@base", end: null }],
    ["head", null],
  ])("%s", (target, range) => {
    expect(splitRange(target)).toEqual(range);
  });

  it("refuses two colons", () => {
    expectError(() => splitRange("a:b:c"), { class: "InvalidTargetError", fields: { target: "a:b:c" } });
  });
});

describe("revision errors", () => {
  it("MultipleHeadsError says how to get out, in Alembic's words", () => {
    const error = new MultipleHeadsError(["c2", "d1"], "head");
    expect(error.message).toBe(
      "Multiple head revisions are present for given argument 'head'; please specify a specific target revision, " +
        "'<branchname>@head' to narrow to a specific head, or 'heads' for all heads (heads: 'c2', 'd1')",
    );
    expect(error.hint).toBe('Run `tidemark merge heads -m "merge"` to join them, or name a target such as `heads` or `<label>@head`.');
  });

  it("are TidemarkErrors with a one-sentence hint", () => {
    const classes = Object.values(errors);
    expect(classes.length).toBeGreaterThanOrEqual(12);
    for (const ErrorClass of classes) {
      expect(ErrorClass.prototype, ErrorClass.name).toBeInstanceOf(TidemarkError);
    }
  });
});

describe("the source scanner's helpers", () => {
  it.each([
    ["plain", "plain"],
    ["a\\u0062c", "abc"],
    ["\\u{1F600}", "\u{1F600}"],
    ["\\x41\\t\\\\", "A\t\\"],
    ["it\\'s", "it's"],
  ])("decodes %s", (body, value) => {
    expect(decodeEscapes(body)).toBe(value);
  });

  it.each([
    ["/** One line */\nexport const x = 1;", "One line"],
    ["#!/usr/bin/env node\n/**\n * After a shebang\n */", "After a shebang"],
    ["/* not a doc comment */\n/** Later */", ""],
    ["/**/\nexport const x = 1;", ""],
    ["import x from 'y';\n/** Too late */", ""],
    ["", ""],
  ])("reads the message of %j", (source, message) => {
    expect(leadingDocMessage(source)).toBe(message);
  });
});
