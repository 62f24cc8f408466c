import type { Change } from "../diff/change.js";
import { sameValue } from "../ir/same-value.js";
import type { Hazard, Statement } from "../sql/statement.js";

/** A change with the hazards of the statements that implement it. */
export interface ChangeHazards {
  readonly change: Change;
  readonly hazards: ReadonlySet<Hazard>;
}

/**
 * Each change with the hazards of its statements in `statements`, in the order of `changes`; a
 * change that statements name but `changes` lacks comes after, so that no hazard goes unreported.
 * Statements point at their change by identity when the plan was made from these changes, and are
 * matched by value otherwise (a plan read back from JSON).
 */
export function hazardsByChange(changes: readonly Change[], statements: readonly Statement[]): readonly ChangeHazards[] {
  const groups = changes.map((change) => ({ change, hazards: new Set<Hazard>() }));
  const byIdentity = new Map(groups.map((group) => [group.change, group]));
  for (const statement of statements) {
    let group = byIdentity.get(statement.change) ?? groups.find((candidate) => sameValue(candidate.change, statement.change));
    if (group === undefined) {
      group = { change: statement.change, hazards: new Set<Hazard>() };
      groups.push(group);
    }
    byIdentity.set(statement.change, group);
    for (const hazard of statement.hazards) group.hazards.add(hazard);
  }
  return groups;
}
