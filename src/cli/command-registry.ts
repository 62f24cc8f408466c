import type { CommandSpec } from "./command-spec.js";
import { checkCommand } from "./check-command.js";
import { diffCommand } from "./diff-command.js";
import { branchesCommand, headsCommand, historyCommand, showCommand } from "./graph-commands.js";
import { helpCommand } from "./help-command.js";
import { importCommand } from "./import-command.js";
import { initCommand } from "./init-command.js";
import { inspectCommand } from "./inspect-command.js";
import { mergeCommand } from "./merge-command.js";
import { downgradeCommand, upgradeCommand } from "./migrate-commands.js";
import { revisionCommand } from "./revision-command.js";
import { currentCommand, stampCommand } from "./state-commands.js";
import { verifyCommand } from "./verify-command.js";

/** Every command, in the order `tidemark --help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  initCommand,
  revisionCommand,
  upgradeCommand,
  downgradeCommand,
  currentCommand,
  historyCommand,
  headsCommand,
  branchesCommand,
  showCommand,
  stampCommand,
  mergeCommand,
  checkCommand,
  diffCommand,
  verifyCommand,
  inspectCommand,
  importCommand,
  helpCommand(() => COMMANDS),
];

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((spec) => spec.name === name);
}
