import type { Change } from "../diff/change.js";
import type { QualifiedName } from "../ir/qualified-name.js";
import type { UnmanagedObject } from "./unmanaged-objects.js";

/** Unmanaged kinds that belong to one relation, named `schema.relation[.name]`, and go when it is dropped. */
const ON_A_RELATION = new Set(["trigger", "policy", "rule", "relation options"]);

/**
 * The unmanaged objects on a relation that the changes drop and create again (a view whose columns
 * change, a view over a column whose type changes): the same on both sides, so not a difference,
 * but the SQL would lose them, as `DROP VIEW` takes its triggers and rules with it. Named for the
 * unsupported list, saying why: `trigger public.v.t (on view public.v, which the SQL drops and creates
 * again: it would be lost)`.
 * Objects already named (they differ anyway) are left out. Pure.
 */
export function objectsLostOnRecreate(
  changes: readonly Change[],
  unmanaged: readonly UnmanagedObject[],
  named: readonly string[] = [],
): readonly string[] {
  const recreated = recreatedRelations(changes);
  const already = new Set(named);
  return unmanaged
    .filter((object) => ON_A_RELATION.has(object.kind) && !already.has(`${object.kind} ${object.name}`))
    .flatMap((object) => {
      const relation = [...recreated.keys()].find((key) => object.name === key || object.name.startsWith(`${key}.`));
      if (relation === undefined) return [];
      return [`${object.kind} ${object.name} (on ${recreated.get(relation) ?? "relation"} ${relation}, which the SQL drops and creates again: it would be lost)`];
    })
    .sort();
}

/** The views and tables both dropped and created by the changes, `schema.name` (as the catalog queries name them) → their kind. */
export function recreatedRelations(changes: readonly Change[]): ReadonlyMap<string, "view" | "table"> {
  const dropped = new Map<string, "view" | "table">();
  const created = new Set<string>();
  for (const change of changes) {
    if (change.kind === "dropView") dropped.set(rawName(change.from), "view");
    if (change.kind === "dropTable") dropped.set(rawName(change.from), "table");
    if (change.kind === "createView" || change.kind === "createTable") created.add(rawName(change.to));
  }
  return new Map([...dropped].filter(([key]) => created.has(key)));
}

/** `schema.name` unquoted, as the unmanaged objects' names are built. */
function rawName(object: QualifiedName): string {
  return `${object.schema}.${object.name}`;
}
