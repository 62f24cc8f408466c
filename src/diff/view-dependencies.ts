import type { View } from "../ir/objects.js";
import { keyOf } from "../ir/qualified-name.js";

/**
 * Whether a view's query mentions a relation. Queries are printed with every relation
 * schema-qualified, so the relation's key, not followed by more of an identifier, is a mention.
 * A false positive only rebuilds a view that did not need it.
 */
export function mentions(definition: string, relationKey: string): boolean {
  let at = definition.indexOf(relationKey);
  while (at >= 0) {
    const next = definition[at + relationKey.length];
    if (next === undefined || !/[\w$"]/.test(next)) return true;
    at = definition.indexOf(relationKey, at + 1);
  }
  return false;
}

/** The views, each after every view of the list it mentions (mutual mentions keep their order). */
export function inDependencyOrder(views: readonly View[]): View[] {
  const ordered: View[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const place = (view: View): void => {
    const key = keyOf(view);
    if (placed.has(key) || visiting.has(key)) return;
    visiting.add(key);
    for (const other of views) if (other !== view && mentions(view.definition, keyOf(other))) place(other);
    visiting.delete(key);
    placed.add(key);
    ordered.push(view);
  };
  for (const view of views) place(view);
  return ordered;
}

/**
 * Views kept by name and query that must still be rebuilt: they mention a relation that is dropped
 * or whose columns change, or a view that is rebuilt, to a fixpoint.
 */
export function viewsToRebuild(
  kept: readonly { readonly from: View; readonly to: View }[],
  touched: ReadonlySet<string>,
): ReadonlySet<string> {
  const rebuilt = new Set<string>();
  const changedRelations = new Set(touched);
  let grew = true;
  while (grew) {
    grew = false;
    for (const { from } of kept) {
      const key = keyOf(from);
      if (rebuilt.has(key) || ![...changedRelations].some((relation) => mentions(from.definition, relation))) continue;
      rebuilt.add(key);
      changedRelations.add(key);
      grew = true;
    }
  }
  return rebuilt;
}
