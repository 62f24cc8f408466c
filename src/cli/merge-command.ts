import type { CommandSpec } from "./command-spec.js";

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
  run: async (context) => (await import("./merge-run.js")).runMerge(context),
};
