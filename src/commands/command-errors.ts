import { TidemarkError } from "../errors/tidemark-error.js";
import { redactUrl } from "../driver/redact-url.js";

/** Offline downgrade needs to know where the database is. */
export class OfflineRangeError extends TidemarkError {
  readonly hint = "Give the range as <from>:<to>, for example `tidemark downgrade 1a2b3c4d5e6f:base --sql`.";
  readonly spec: string;

  constructor(spec: string) {
    super(`Offline downgrade needs a <from>:<to> range, got '${spec}'`);
    this.spec = spec;
  }
}

/** Whether the version table's rows are exactly the graph's heads. */
export function atHeads(rows: readonly string[], heads: readonly string[]): boolean {
  return rows.length === heads.length && rows.every((row) => heads.includes(row));
}

/** The database is not at the migrations' heads (`current --check-heads`, `revision --autogenerate`). */
export class DatabaseNotAtHeadError extends TidemarkError {
  readonly hint = "Run `tidemark upgrade head` (or `upgrade heads`) first, then try again.";
  readonly current: readonly string[];
  readonly heads: readonly string[];

  constructor(current: readonly string[], heads: readonly string[]) {
    const show = (revisions: readonly string[]) => (revisions.length === 0 ? "base" : revisions.join(", "));
    super(`Target database is not up to date: it is at ${show(current)}, the migrations' head is ${show(heads)}`);
    this.current = current;
    this.heads = heads;
  }
}

/** `revision --head <rev>` names a revision that already has children. */
export class NotAHeadError extends TidemarkError {
  readonly hint = "Name a head (`tidemark heads`), or add --splice to start a new branch from it.";
  readonly revision: string;

  constructor(revision: string) {
    super(`Revision ${revision} is not a head revision`);
    this.revision = revision;
  }
}

/** `--rev-id` names a revision that exists already. */
export class RevisionExistsError extends TidemarkError {
  readonly hint = "Choose another --rev-id, or leave it out for a random one.";
  readonly revision: string;

  constructor(revision: string) {
    super(`Revision ${revision} already exists`);
    this.revision = revision;
  }
}

/** `--rev-id` or `--branch-label` that cannot be a revision name. */
export class InvalidRevisionNameError extends TidemarkError {
  readonly hint = "Use letters, digits, '_' and '-' only, and none of head, heads, base, current.";
  readonly value: string;

  constructor(what: string, value: string, reason: string) {
    super(`Invalid ${what} '${value}': ${reason}`);
    this.value = value;
  }
}

/** `merge` with fewer than two revisions to join. */
export class NothingToMergeError extends TidemarkError {
  readonly hint = "There is one head: nothing to merge. Name two or more revisions, or `heads` when there are several.";
  readonly revisions: readonly string[];

  constructor(revisions: readonly string[]) {
    super(`Merge needs at least two revisions, got ${revisions.length === 0 ? "none" : revisions.join(", ")}`);
    this.revisions = revisions;
  }
}

/** `merge` of a revision with one of its own descendants: they are on one line already. */
export class MergeOfAncestorError extends TidemarkError {
  readonly hint = "Merge heads of different branches (`tidemark heads`), or `tidemark merge heads`.";
  readonly ancestor: string;
  readonly descendant: string;

  constructor(ancestor: string, descendant: string) {
    super(`Revision ${ancestor} is an ancestor of ${descendant}: there is nothing to merge between them`);
    this.ancestor = ancestor;
    this.descendant = descendant;
  }
}

/** A scratch (shadow) database could not be made where `--shadow-url` points. */
export class ScratchDatabaseError extends TidemarkError {
  readonly hint =
    "Give --shadow-url a postgres:// server where this user may CREATE DATABASE (it is dropped afterwards), or leave it out to use the embedded PGlite.";
  readonly url: string;
  readonly reason: string;

  constructor(url: string, reason: string, cause?: unknown) {
    super(`Cannot make a scratch database at ${redactUrl(url)}: ${reason}`, { cause });
    this.url = redactUrl(url);
    this.reason = reason;
  }
}

/** `check` compares the models with the schema at one head; the migrations have several. */
export class SeveralHeadsError extends TidemarkError {
  readonly hint = 'Join them with `tidemark merge heads -m "merge"`, then run the command again.';
  readonly heads: readonly string[];
  readonly command: string;

  constructor(heads: readonly string[], command: string) {
    super(`The migrations have ${heads.length} heads (${heads.join(", ")}): ${command} compares the models with one`);
    this.heads = heads;
    this.command = command;
  }
}
