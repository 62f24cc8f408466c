import { appliedSet, versionRows } from "./applied-set.js";
import {
  AmbiguousWalkError, InvalidTargetError, MultipleCurrentRevisionsError, MultipleHeadsError, RelativeRevisionError,
} from "./revision-errors.js";
import type { BranchExtent, RevisionGraph } from "./revision-graph.js";

/**
 * What a target string names:
 * - `base`: before every revision;
 * - `below`: just before one revision and all after it (`<label>@base`, or `-N` walking past a base);
 * - `revisions`: one or more revisions (`heads`), with the branch the target named, if any.
 */
export type ResolvedTarget =
  | { readonly kind: "base" }
  | { readonly kind: "below"; readonly revision: string }
  | { readonly kind: "revisions"; readonly revisions: readonly string[]; readonly branch: BranchExtent | null };

/** Where a target is used: `+N` makes no sense for a downgrade, nor `-N` for an upgrade. */
export type TargetUse = "upgrade" | "downgrade" | "any";

/** A `start:end` range (history, offline SQL); a missing side is null. */
export interface TargetRange {
  readonly start: string | null;
  readonly end: string | null;
}

interface Context {
  readonly graph: RevisionGraph;
  /** The version table's rows; null when there is no database (offline). */
  readonly rows: readonly string[] | null;
  readonly target: string;
  readonly use: TargetUse;
  readonly branch: BranchExtent | null;
}

const RELATIVE = /^(.*)([+-])(\d+)$/;

/** Splits `start:end`; null when `target` is not a range. */
export function splitRange(target: string): TargetRange | null {
  const colon = target.indexOf(":");
  if (colon < 0) return null;
  if (target.includes(":", colon + 1)) throw new InvalidTargetError(target, "a range has one ':'");
  const start = target.slice(0, colon);
  const end = target.slice(colon + 1);
  return { start: start === "" ? null : start, end: end === "" ? null : end };
}

/**
 * Reads a target: `head`, `heads`, `base`, `current`, `+N`, `-N`, `<rev>+N`, `<rev>-N` (also
 * `head-N`, `base+N`), a full or partial (4+ characters) revision id, a branch label (its head),
 * and any of these after `<label>@` (or `<rev>@`) to keep to one branch. Relative targets count
 * from the database's rows.
 */
export function resolveTarget(
  graph: RevisionGraph,
  rows: readonly string[] | null,
  target: string,
  use: TargetUse = "any",
): ResolvedTarget {
  if (target.includes(":")) throw new InvalidTargetError(target, "a `start:end` range is only accepted by `--sql` and `history -r`");
  const at = target.indexOf("@");
  if (at !== target.lastIndexOf("@")) throw new InvalidTargetError(target, "it has more than one '@'");
  if (at === 0) throw new InvalidTargetError(target, "a branch label is missing before '@'");
  const body = at < 0 ? target : target.slice(at + 1);
  if (body === "") throw new InvalidTargetError(target, at < 0 ? "it is empty" : "nothing follows '@'");
  const branch = at < 0 ? null : graph.branch(target.slice(0, at));
  return resolveBody({ graph, rows, target, use, branch }, body);
}

function resolveBody(context: Context, body: string): ResolvedTarget {
  switch (body) {
    case "base":
      return context.branch === null ? { kind: "base" } : { kind: "below", revision: context.branch.bottom };
    case "heads":
      return revisions(context, branchHeads(context));
    case "head": {
      const head = singleHead(context);
      return head === null ? { kind: "base" } : revisions(context, [head]);
    }
    case "current": {
      const rows = currentRows(context);
      if (rows.length > 0) return revisions(context, rows);
      return context.branch === null ? { kind: "base" } : { kind: "below", revision: context.branch.bottom };
    }
  }
  const { graph } = context;
  const relative = graph.has(body) || graph.isLabel(body) ? null : RELATIVE.exec(body);
  if (relative === null) return revisions(context, [resolveRef(context, body)]);
  const [, ref = "", sign, digits = ""] = relative;
  const steps = Number(digits);
  if (steps === 0) throw new InvalidTargetError(context.target, "a relative step needs a count of 1 or more");
  return resolveRelative(context, ref, sign === "+" ? steps : -steps);
}

function resolveRelative(context: Context, ref: string, steps: number): ResolvedTarget {
  if (ref === "base") {
    if (steps < 0) throw new RelativeRevisionError(context.target, steps);
    return revisions(context, [walkUp(context, null, steps)]);
  }
  if (ref !== "") {
    const start = resolveRef(context, ref);
    return steps > 0 ? revisions(context, [walkUp(context, start, steps)]) : landed(context, walkDown(context, start, -steps));
  }
  if (context.use === "upgrade" && steps < 0) throw new InvalidTargetError(context.target, "an upgrade cannot go down; run `tidemark downgrade` instead");
  if (context.use === "downgrade" && steps > 0) throw new InvalidTargetError(context.target, "a downgrade cannot go up; run `tidemark upgrade` instead");
  const start = currentTip(context);
  if (steps > 0) return revisions(context, [walkUp(context, start, steps)]);
  if (start === null) throw new RelativeRevisionError(context.target, steps);
  return landed(context, walkDown(context, start, -steps));
}

/** The one current revision that a relative target counts from (null: nothing applied yet). */
function currentTip(context: Context): string | null {
  const { graph, branch, target } = context;
  const applied = [...appliedSet(graph, databaseRows(context))];
  const tips = versionRows(graph, new Set(branch === null ? applied : applied.filter((id) => branch.lineage.has(id))));
  if (tips.length > 1) throw new MultipleCurrentRevisionsError(target, tips);
  return tips[0] ?? null;
}

/** `start` and the `steps` revisions after it; null `start` walks up from base. */
function walkUp(context: Context, start: string | null, steps: number): string {
  const { graph, branch } = context;
  let at = start;
  for (let taken = 0; taken < steps; taken++) {
    const next = (at === null ? graph.bases() : graph.children(at)).filter((id) => branch === null || branch.lineage.has(id));
    if (next.length > 1) throw new AmbiguousWalkError(context.target, at, next);
    at = next[0] ?? null;
    if (at === null) throw new RelativeRevisionError(context.target, steps);
  }
  if (at === null) throw new RelativeRevisionError(context.target, steps);
  return at;
}

/**
 * Where `steps` parents down from `start` lands: a revision, or below the base or merge it stepped
 * off last. Walking through a merge (not off it) is ambiguous.
 */
function walkDown(context: Context, start: string, steps: number): { readonly at: string } | { readonly below: string } {
  let at = start;
  for (let taken = 0; taken < steps; taken++) {
    const parents = context.graph.get(at).revises;
    // The last step off a merge undoes the merge itself, whichever parent one names: both stay.
    if (parents.length > 1 && taken === steps - 1) return { below: at };
    if (parents.length > 1) throw new AmbiguousWalkError(context.target, at, context.graph.sorted(parents));
    const parent = parents[0];
    if (parent === undefined) {
      if (taken === steps - 1) return { below: at };
      throw new RelativeRevisionError(context.target, -steps);
    }
    at = parent;
  }
  return { at };
}

function landed(context: Context, walked: { readonly at: string } | { readonly below: string }): ResolvedTarget {
  return "below" in walked ? { kind: "below", revision: walked.below } : revisions(context, [walked.at]);
}

/** A revision id, partial id, branch label or `head`, kept to the target's branch if it names one. */
function resolveRef(context: Context, ref: string): string {
  const { graph, branch, target } = context;
  if (ref === "head") {
    const head = singleHead(context);
    if (head === null) throw new InvalidTargetError(target, "there are no revisions");
    return head;
  }
  if (branch === null) return graph.resolve(ref).revision;
  const id = graph.has(ref) || graph.isLabel(ref) ? graph.resolve(ref).revision : graph.matchPrefix(ref, branch.lineage);
  if (!branch.lineage.has(id)) throw new InvalidTargetError(target, `revision '${id}' is not on branch '${branch.name}'`);
  return id;
}

function branchHeads(context: Context): readonly string[] {
  const { branch } = context;
  return context.graph.heads().filter((id) => branch === null || branch.members.has(id));
}

/** The head of the graph (or of the target's branch); null when the graph is empty. */
function singleHead(context: Context): string | null {
  const heads = branchHeads(context);
  if (heads.length > 1) throw new MultipleHeadsError(heads, context.target);
  return heads[0] ?? null;
}

function currentRows(context: Context): readonly string[] {
  const { graph, branch } = context;
  const rows = versionRows(graph, appliedSet(graph, databaseRows(context)));
  return branch === null ? rows : rows.filter((id) => branch.lineage.has(id));
}

function databaseRows(context: Context): readonly string[] {
  if (context.rows === null) {
    throw new InvalidTargetError(context.target, "it counts from the database's current revision, and there is no database here");
  }
  return context.rows;
}

function revisions(context: Context, ids: readonly string[]): ResolvedTarget {
  return { kind: "revisions", revisions: ids, branch: context.branch };
}
