import { describe, expect, it } from "vitest";
import { docSteps } from "./doc-steps.js";
import { parseShellLine } from "./shell-line.js";

/** The docs tests' reading of markdown and of shell lines, without running anything. */
describe("docSteps", () => {
  it("runs tidemark lines of sh blocks, with the exit and expectation of the directive before them", () => {
    const page = [
      "<!-- doc-test: exit=2 expect=\"in step\" -->",
      "```sh",
      "npm ci",
      "$ tidemark check   # a comment",
      "npx tidemark diff --from a \\",
      "  --to b",
      "```",
      "```sh",
      "npm run tidemark -- upgrade head",
      "```",
    ].join("\n");
    expect(docSteps(page)).toEqual([
      { kind: "run", line: 4, command: "tidemark check   # a comment", exit: 2, expect: null },
      { kind: "run", line: 5, command: "tidemark diff --from a  --to b", exit: 2, expect: "in step" },
      { kind: "run", line: 9, command: "tidemark upgrade head", exit: 0, expect: null },
    ]);
  });

  it("lists a skipped block's commands as skipped and checks their words; finds commands in YAML", () => {
    const page = ['<!-- doc-test: skip="needs a server" -->', "```sh", "tidemark stamp head", "```", "```yaml", '  command: ["npx", "tidemark", "upgrade", "head"]', "  - run: npx tidemark check --format github > out.txt || status=$?", "  # tidemark verify in a comment", "```"].join("\n");
    expect(docSteps(page)).toEqual([
      { kind: "skip", line: 3, command: "tidemark stamp head", reason: "needs a server" },
      { kind: "syntax", line: 3, command: "tidemark stamp head" },
      { kind: "syntax", line: 6, command: "tidemark upgrade head" },
      { kind: "syntax", line: 7, command: "tidemark check --format github" },
    ]);
  });

  it("writes files, starts projects, and refuses directives it cannot place or read", () => {
    const page = ["<!-- doc-test: project=empty -->", "", "Text.", '<!-- doc-test: file=schema/a.ts after="id:" -->', "```ts", "  name: text(),", "```"].join("\n");
    expect(docSteps(page)).toEqual([
      { kind: "project", line: 1, name: "empty" },
      { kind: "file", line: 6, path: "schema/a.ts", after: "id:", text: "  name: text(),\n" },
    ]);
    expect(() => docSteps("<!-- doc-test: exit=2 -->\n\nText.")).toThrow(/must come right before a code block/);
    expect(() => docSteps("<!-- doc-test: exti=2 -->\n```sh\ntidemark check\n```")).toThrow(/unknown doc-test key 'exti'/);
  });
});

describe("parseShellLine", () => {
  it("reads quotes, variables, prefixes, redirection and pipes as a shell does", () => {
    expect(parseShellLine(`FOO=1 tidemark revision -m "add 'x' \\"y\\"" --url "$URL" > out.sql # note`, { URL: "postgres://h/db" })).toEqual({
      env: { FOO: "1" },
      words: ["tidemark", "revision", "-m", `add 'x' "y"`, "--url", "postgres://h/db"],
      stdoutTo: { file: "out.sql", append: false },
      pipedTo: null,
    });
    expect(parseShellLine("tidemark diff --from empty --to models | psql \"$X\"", { X: "u" }).pipedTo).toBe('psql "$X"');
  });

  it("refuses what it would run differently from a shell", () => {
    expect(() => parseShellLine("tidemark check && tidemark verify", {})).toThrow(/one command per line/);
    expect(() => parseShellLine('tidemark check --url "$NOPE"', {})).toThrow(/\$NOPE is not set/);
  });
});
