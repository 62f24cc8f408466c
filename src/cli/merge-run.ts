import { relative } from "node:path";
import { prepareMerge } from "../commands/merge.js";
import { openProject } from "../commands/open-project.js";
import { randomRevisionId } from "../commands/revision.js";
import { writeFileAtomic } from "../commands/write-file-atomic.js";
import type { CommandContext } from "./command-spec.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { projectInput, stringList, stringValue } from "./option-values.js";
import { UsageError } from "./usage-error.js";

/** `tidemark merge`: see mergeCommand for its options. */
export async function runMerge(context: CommandContext): Promise<ExitCode> {
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
}
