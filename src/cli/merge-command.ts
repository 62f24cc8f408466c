import { relative } from "node:path";
import { prepareMerge } from "../commands/merge.js";
import { openProject } from "../commands/open-project.js";
import { randomRevisionId } from "../commands/revision.js";
import { writeFileAtomic } from "../commands/write-file-atomic.js";
import type { CommandSpec } from "./command-spec.js";
import { EXIT } from "./exit-codes.js";
import { projectInput, stringList, stringValue } from "./option-values.js";
import { UsageError } from "./usage-error.js";

export const mergeCommand: CommandSpec = {
  name: "merge",
  summary: "Join several heads with a merge revision",
  usage: "tidemark merge <revs...|heads> -m MESSAGE [--rev-id ID] [--branch-label L] [--dry-run]",
  example: 'tidemark merge heads -m "merge billing and search"',
  options: {
    message: { type: "string", short: "m" },
    "rev-id": { type: "string" },
    "branch-label": { type: "string", multiple: true },
    "dry-run": { type: "boolean" },
  },
  optionHelp: [
    "revs: two or more revisions, or heads for every head",
    "-m, --message TEXT  what the merge joins",
    "--rev-id ID         the revision id (default: 12 random hex characters)",
    "--branch-label L    a label for the merged branch (repeatable)",
    "--dry-run           print the file instead of writing it",
  ],
  async run(context) {
    const message = stringValue(context.values["message"]);
    if (message === undefined || message.trim() === "") throw new UsageError("Missing -m MESSAGE.", "merge");
    if (context.positionals.length === 0) throw new UsageError("Missing the revisions to merge (or heads).", "merge");
    context.progress.phase("reading the config");
    const project = await openProject(projectInput(context));
    context.progress.phase("reading the migrations");
    const prepared = await prepareMerge(project, {
      message: message.trim(),
      revisions: context.positionals,
      revId: stringValue(context.values["rev-id"]),
      branchLabels: stringList(context.values["branch-label"]),
      now: new Date(),
      newRevisionId: randomRevisionId,
    });
    if (context.values["dry-run"] === true) {
      context.out.print(prepared.text.trimEnd());
      return EXIT.ok;
    }
    await writeFileAtomic(prepared.file, prepared.text);
    context.out.print(`Wrote ${relative(context.cwd, prepared.file)} (merges ${[prepared.meta.revises].flat().join(", ")})`);
    return EXIT.ok;
  },
};
