import type { MigrationMeta } from "./migration-meta.js";
import {
  AmbiguousRevisionError, DuplicateBranchLabelError, DuplicateRevisionError, InvalidTargetError, MissingRevisionError,
  MultipleHeadsError, UnknownBranchLabelError,
} from "./revision-errors.js";
import { revisionHistory } from "./revision-history.js";
import { prerequisites, topologicalOrder } from "./revision-order.js";

export { appliedSet, versionRows } from "./applied-set.js";
export { planDowngrade, planStamp, planUpgrade, rowsForTarget, type Step } from "./plan-steps.js";

/** The shortest partial revision id that `resolve` accepts. */
export const MIN_PREFIX_LENGTH = 4;

/**
 * The migrations as a directed acyclic graph, Alembic's model: each revision revises none (a base),
 * one, or several (a merge) parents, may depend on revisions of other branches, and may carry
 * branch labels. Pure: built from metadata, no file or database is read.
 */
export class RevisionGraph {
  private readonly byId: ReadonlyMap<string, MigrationMeta>;
  private readonly order: readonly MigrationMeta[];
  private readonly position: ReadonlyMap<string, number>;
  private readonly childIds: ReadonlyMap<string, readonly string[]>;
  private readonly dependentIds: ReadonlyMap<string, readonly string[]>;
  private readonly labelOwners: ReadonlyMap<string, string>;
  private readonly extents = new Map<string, BranchExtent>();

  private constructor(order: readonly MigrationMeta[], labelOwners: ReadonlyMap<string, string>) {
    this.order = order;
    this.byId = new Map(order.map((meta) => [meta.revision, meta]));
    this.position = new Map(order.map((meta, i) => [meta.revision, i]));
    this.childIds = invert(order, (meta) => meta.revises);
    this.dependentIds = invert(order, (meta) => meta.dependsOn);
    this.labelOwners = labelOwners;
  }

  /** Checks the metadata (no duplicate, no dangling reference, no cycle, unique labels) and builds. */
  static build(metas: readonly MigrationMeta[]): RevisionGraph {
    const byId = new Map<string, MigrationMeta>();
    for (const meta of metas) {
      const other = byId.get(meta.revision);
      if (other !== undefined) throw new DuplicateRevisionError(meta.revision, [other.file, meta.file]);
      byId.set(meta.revision, meta);
    }
    for (const meta of metas) {
      for (const field of ["revises", "dependsOn"] as const) {
        const missing = meta[field].find((id) => !byId.has(id));
        if (missing !== undefined) throw new MissingRevisionError(missing, { file: meta.file, field });
      }
    }
    const labelOwners = new Map<string, string>();
    for (const meta of metas) {
      for (const label of meta.branchLabels) {
        const owner = labelOwners.get(label);
        if (owner !== undefined && owner !== meta.revision) throw new DuplicateBranchLabelError(label, [owner, meta.revision], false);
        if (byId.has(label)) throw new DuplicateBranchLabelError(label, [meta.revision], true);
        labelOwners.set(label, meta.revision);
      }
    }
    return new RevisionGraph(topologicalOrder(metas), labelOwners);
  }

  has(revision: string): boolean {
    return this.byId.has(revision);
  }

  /** The revision with exactly this id; throws MissingRevisionError when there is none. */
  get(revision: string): MigrationMeta {
    const meta = this.byId.get(revision);
    if (meta === undefined) throw new MissingRevisionError(revision);
    return meta;
  }

  /** Every revision, parents and dependencies before what needs them, in a fixed order. */
  all(): readonly MigrationMeta[] {
    return this.order;
  }

  /** Ids of the revisions that no revision revises (a dependency does not stop a head being one, as in Alembic). */
  heads(): readonly string[] {
    return this.idsWhere((meta) => this.childIds.get(meta.revision) === undefined);
  }

  /** Ids of the revisions that revise nothing. */
  bases(): readonly string[] {
    return this.idsWhere((meta) => meta.revises.length === 0);
  }

  /** Ids of the revisions that more than one revision revises. */
  branchPoints(): readonly string[] {
    return this.idsWhere((meta) => (this.childIds.get(meta.revision)?.length ?? 0) > 1);
  }

  /** Ids of the revisions that revise more than one. */
  mergePoints(): readonly string[] {
    return this.idsWhere((meta) => meta.revises.length > 1);
  }

  /** Ids of the revisions that revise `revision`. */
  children(revision: string): readonly string[] {
    return this.sorted(this.childIds.get(this.get(revision).revision) ?? []);
  }

  /** Ids of the revisions that depend on `revision` without revising it. */
  dependents(revision: string): readonly string[] {
    return this.sorted(this.dependentIds.get(this.get(revision).revision) ?? []);
  }

  /** Whether a revision declares `name` as a branch label. */
  isLabel(name: string): boolean {
    return this.labelOwners.has(name);
  }

  /** The declared branch labels, sorted. */
  labels(): readonly string[] {
    return [...this.labelOwners.keys()].sort();
  }

  /** Ids in this graph's order (see `all`), each once. */
  sorted(revisions: Iterable<string>): readonly string[] {
    const unique = [...new Set(revisions)];
    return unique.sort((a, b) => this.indexOf(a) - this.indexOf(b));
  }

  /** `revisions` and all they revise (and, with `dependencies`, depend on), transitively. */
  ancestors(revisions: Iterable<string>, dependencies = true): ReadonlySet<string> {
    return this.closure(revisions, (id) => {
      const meta = this.get(id);
      return dependencies ? prerequisites(meta) : meta.revises;
    });
  }

  /** `revisions` and all that revise them (and, with `dependencies`, depend on them), transitively. */
  descendants(revisions: Iterable<string>, dependencies = true): ReadonlySet<string> {
    return this.closure(revisions, (id) => {
      const children = this.childIds.get(id) ?? [];
      return dependencies ? [...children, ...(this.dependentIds.get(id) ?? [])] : children;
    });
  }

  /**
   * A branch by name. For a label: the revision that declares it, all revisions after it, and the
   * revisions before it down to the nearest branch point, merge or base (as Alembic spreads
   * labels). For a revision id: it and all revisions after it (Alembic's `<rev>@head`).
   */
  branch(name: string): BranchExtent {
    const known = this.extents.get(name);
    if (known !== undefined) return known;
    const label = this.labelOwners.get(name);
    const owner = label ?? (this.byId.has(name) ? name : undefined);
    if (owner === undefined) throw new UnknownBranchLabelError(name);
    const members = new Set(this.descendants([owner], false));
    let bottom = this.get(owner);
    for (let parentId = soleParent(bottom); label !== undefined && parentId !== undefined; parentId = soleParent(bottom)) {
      const parent = this.get(parentId);
      const fanOut = (this.childIds.get(parentId)?.length ?? 0) + (this.dependentIds.get(parentId)?.length ?? 0);
      if (fanOut > 1 || parent.revises.length > 1) break;
      members.add(parentId);
      bottom = parent;
    }
    const lineage = new Set([...this.ancestors([owner], false), ...members]);
    const extent: BranchExtent = { name, owner, members, lineage, bottom: bottom.revision };
    this.extents.set(name, extent);
    return extent;
  }

  /**
   * The revision named by a full id, a branch label (its head), or a unique partial id of at least
   * four characters.
   */
  resolve(id: string): MigrationMeta {
    const exact = this.byId.get(id);
    if (exact !== undefined) return exact;
    if (this.labelOwners.has(id)) {
      const members = this.branch(id).members;
      const heads = this.heads().filter((revision) => members.has(revision));
      const [head] = heads;
      if (head === undefined || heads.length > 1) throw new MultipleHeadsError(heads, id);
      return this.get(head);
    }
    return this.get(this.matchPrefix(id, this.byId.keys()));
  }

  /** The one id among `candidates` that starts with `prefix` (at least four characters). */
  matchPrefix(prefix: string, candidates: Iterable<string>): string {
    if (prefix.length < MIN_PREFIX_LENGTH) {
      throw new InvalidTargetError(prefix, `no revision or label is called that, and a partial revision id needs at least ${MIN_PREFIX_LENGTH} characters`);
    }
    const matches = [...candidates].filter((id) => id.startsWith(prefix));
    if (matches.length === 0 || matches[0] === undefined) throw new MissingRevisionError(prefix);
    if (matches.length > 1) throw new AmbiguousRevisionError(prefix, this.sorted(matches));
    return matches[0];
  }

  /**
   * The revisions of `history -r start:end`, newest first: those at or after `start` and at or
   * before `end` (each end optional; `current` needs the version table's rows).
   */
  history(range?: string, rows?: readonly string[]): readonly MigrationMeta[] {
    return revisionHistory(this, range, rows);
  }

  private indexOf(revision: string): number {
    const index = this.position.get(revision);
    if (index === undefined) throw new MissingRevisionError(revision);
    return index;
  }

  private idsWhere(test: (meta: MigrationMeta) => boolean): readonly string[] {
    return this.order.filter(test).map((meta) => meta.revision);
  }

  private closure(start: Iterable<string>, next: (id: string) => readonly string[]): ReadonlySet<string> {
    const seen = new Set<string>();
    const stack = [...start];
    for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
      if (seen.has(id)) continue;
      this.get(id);
      seen.add(id);
      stack.push(...next(id));
    }
    return seen;
  }
}

/** The revisions a branch name covers. */
export interface BranchExtent {
  readonly name: string;
  /** The revision that declares the label (or the revision named). */
  readonly owner: string;
  /** What carries the label: see `RevisionGraph.branch`. */
  readonly members: ReadonlySet<string>;
  /** The first member, what `<label>@base` goes below. */
  readonly bottom: string;
  /** Everything before or after the owner: where `<label>@+N` may walk, and `<label>@<rev>` may name. */
  readonly lineage: ReadonlySet<string>;
}

function soleParent(meta: MigrationMeta): string | undefined {
  return meta.revises.length === 1 ? meta.revises[0] : undefined;
}

function invert(metas: readonly MigrationMeta[], edges: (meta: MigrationMeta) => readonly string[]): ReadonlyMap<string, readonly string[]> {
  const inverted = new Map<string, string[]>();
  for (const meta of metas) {
    for (const target of new Set(edges(meta))) {
      const list = inverted.get(target);
      if (list === undefined) inverted.set(target, [meta.revision]);
      else list.push(meta.revision);
    }
  }
  return inverted;
}
