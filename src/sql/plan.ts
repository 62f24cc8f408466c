import type { Change } from "../diff/change.js";
import { invertChanges } from "../diff/invert-change.js";
import { isRename } from "../diff/rename-change.js";
import { quoteIdent, quoteLiteral, quoteQualified } from "../ir/quote.js";
import { planAlterEnum } from "./plan-enum.js";
import {
  commentIfAny, commentSql, dropViewSql, planAlterSequence, planCreateEnum, planCreateSequence, planCreateView,
  planDropSequence,
} from "./plan-objects.js";
import { planColumnChange, planConstraintChange, planCreateTable, planDropTable, planIndexChange } from "./plan-tables.js";
import { planRename } from "./plan-renames.js";
import { PHASES, phased, type PhasedStatement } from "./phase.js";
import type { Plan, Statement } from "./statement.js";

/** Up and down statements for `changes`; down is the inverted changes, planned the same way. */
export function plan(changes: readonly Change[]): Plan {
  return { up: orderedStatements(changes), down: orderedStatements(invertChanges(changes)) };
}

/**
 * Every change's statements, in phase order; within a phase, in the order of the changes. A rename
 * splits the list: the changes before it are planned before it, those after it after it. The differ
 * lists renames before every change that names the objects by their new names (and after the drops
 * of views, whose queries name the old ones), so the inverted list, planned for down, runs those
 * changes first and renames back after them.
 */
export function orderedStatements(changes: readonly Change[]): readonly Statement[] {
  const parts: PhasedStatement[][] = [[]];
  changes.forEach((change, i) => {
    const statements = planChange(change, () => changes.slice(0, i));
    if (isRename(change)) parts.push(statements, []);
    else parts.at(-1)?.push(...statements);
  });
  return parts.flatMap(inPhaseOrder);
}

const RANK: ReadonlyMap<string, number> = new Map(PHASES.map((phase, i) => [phase, i]));

function inPhaseOrder(statements: readonly PhasedStatement[]): readonly Statement[] {
  return statements
    .map((item, i) => ({ item, i }))
    .sort((a, b) => (RANK.get(a.item.phase) ?? 0) - (RANK.get(b.item.phase) ?? 0) || a.i - b.i)
    .map(({ item }) => item.statement);
}

/** `before` gives the changes listed before this one, which a rename needs (see `serialSequenceRenames`). */
function planChange(change: Change, before: () => readonly Change[]): PhasedStatement[] {
  const at = phased(change);
  switch (change.kind) {
    case "createNamespace":
      return [
        at("createNamespaces", `CREATE SCHEMA ${quoteIdent(change.to.name)}`),
        ...commentIfAny(at, { on: "schema", name: change.to.name }, change.to.comment),
      ];
    case "dropNamespace":
      return [at("dropNamespaces", `DROP SCHEMA ${quoteIdent(change.from.name)}`, ["destructive"])];
    case "createExtension": {
      const version = change.to.version === null ? "" : ` VERSION ${quoteLiteral(change.to.version)}`;
      return [at("createExtensions", `CREATE EXTENSION ${quoteIdent(change.to.name)} WITH SCHEMA ${quoteIdent(change.to.schema)}${version}`)];
    }
    case "dropExtension":
      return [at("dropExtensions", `DROP EXTENSION ${quoteIdent(change.from.name)}`, ["destructive"])];
    case "alterExtension":
      return [at("createExtensions", `ALTER EXTENSION ${quoteIdent(change.to.name)} UPDATE TO ${quoteLiteral(change.to.version ?? "")}`)];
    case "createEnum":
      return planCreateEnum(change);
    case "dropEnum":
      return [at("dropTypes", `DROP TYPE ${quoteQualified(change.from.schema, change.from.name)}`)];
    case "alterEnum":
      return planAlterEnum(change);
    case "createSequence":
      return planCreateSequence(change);
    case "dropSequence":
      return planDropSequence(change);
    case "alterSequence":
      return planAlterSequence(change);
    case "createTable":
      return planCreateTable(change);
    case "dropTable":
      return planDropTable(change);
    case "addColumn":
    case "dropColumn":
    case "alterColumn":
      return planColumnChange(change);
    case "addConstraint":
    case "dropConstraint":
      return planConstraintChange(change);
    case "createIndex":
    case "dropIndex":
      return planIndexChange(change);
    case "createView":
      return planCreateView(change);
    case "dropView":
      return [at("dropViews", dropViewSql(change.from))];
    case "setComment":
      return [at("comments", commentSql(change.target, change.to))];
    case "renameTable":
    case "renameColumn":
    case "renameEnum":
    case "renameIndex":
    case "renameConstraint":
      return planRename(change, before());
    default: {
      const unknown: never = change;
      throw new Error(`unknown change ${JSON.stringify(unknown)}`);
    }
  }
}
