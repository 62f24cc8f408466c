import type { Driver, Queryable } from "./driver.js";
import { beginLiveTransaction, type LiveTransaction } from "./live-transaction.js";
import { declaresReadOnly, jsonSafe, mayEndOrUnlock, statementKey, type SavedStatement } from "./statement-kinds.js";

type Statement = SavedStatement;

/**
 * One transaction, answered from saved answers for as long as it asks what was asked before in
 * the same order; at the first new question it becomes a real transaction on the database (the
 * statements answered so far run again there first) and goes on live. A transaction that wrote
 * and commits is always run on the database: answers are only ever a shortcut for reading.
 */
export class CachedTransaction implements Queryable {
  /** Answers the database gave in this transaction, to be saved when it changed nothing. */
  readonly fresh = new Map<string, readonly object[]>();
  private readonly statements: Statement[] = [];
  /** How many of `statements` had been sent when the last one that succeeded was answered. */
  private answered = 0;
  private previous: string | null = null;
  private live: LiveTransaction | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readOnly = false;
  private unsure = false;
  private ended = false;

  constructor(
    private readonly answers: ReadonlyMap<string, readonly object[]>,
    private readonly database: () => Promise<Driver>,
  ) {}

  /** Whether it began with SET TRANSACTION … READ ONLY: PostgreSQL then refuses every write in it. */
  get declaredReadOnly(): boolean {
    return this.readOnly && !this.unsure;
  }

  /** Whether a statement in it may have committed or unlocked it: then its outcome says nothing. */
  get mayHaveWritten(): boolean {
    return this.unsure;
  }

  query<Row extends object>(sql: string, params: readonly unknown[] = []): Promise<readonly Row[]> {
    return this.serial(() => this.run({ kind: "query", sql, params })) as Promise<readonly Row[]>;
  }

  async execute(sql: string): Promise<void> {
    await this.serial(() => this.run({ kind: "execute", sql, params: [] }));
  }

  queryBatch(statements: readonly string[]): Promise<readonly (readonly object[])[]> {
    return this.serial(() => this.run({ kind: "batch", sql: "", params: statements })) as Promise<readonly (readonly object[])[]>;
  }

  /** Its statements up to the last one answered: what a later session can replay (a failed one last is left out). */
  get answeredStatements(): readonly SavedStatement[] {
    return this.statements.slice(0, this.answered);
  }

  /** Commits or rolls back; a committing transaction that may have written reaches the database. */
  async end(commit: boolean): Promise<void> {
    await this.queue.catch(() => undefined);
    this.ended = true;
    if (this.live !== null) return this.live.end(commit);
    if (commit && !this.declaredReadOnly) await (await this.goLive(this.statements)).end(true);
  }

  /** Statements of one transaction run one after another, as on a connection. */
  private serial<T>(next: () => Promise<T>): Promise<T> {
    const result = this.queue.then(next);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async run(statement: Statement): Promise<readonly object[]> {
    // A statement after the end would hold a real transaction that nobody ends.
    if (this.ended) throw new Error("a statement was sent after its transaction ended");
    const texts = statement.kind === "batch" ? (statement.params as readonly string[]) : [statement.sql];
    if (texts.some(mayEndOrUnlock)) this.unsure = true;
    if (this.statements.length === 0) this.readOnly = statement.kind === "execute" && declaresReadOnly(statement.sql);
    const key = statementKey(this.previous, statement.kind, statement.sql, statement.params);
    this.previous = key;
    this.statements.push(statement);
    if (this.live === null) {
      const saved = this.answers.get(key);
      if (saved !== undefined) return this.answer(saved);
      this.live = await this.goLive(this.statements.slice(0, -1)); // those answered before this one
    }
    const rows = await runStatement(this.live.tx, statement);
    if (jsonSafe(rows)) this.fresh.set(key, rows);
    return this.answer(rows);
  }

  private answer(rows: readonly object[]): readonly object[] {
    this.answered = this.statements.length;
    return rows;
  }

  /** A real transaction that has run `statements` already, as the cached ones did. */
  private async goLive(statements: readonly Statement[]): Promise<LiveTransaction> {
    const live = await beginLiveTransaction(await this.database());
    try {
      for (const statement of statements) await runStatement(live.tx, statement);
    } catch (error) {
      await live.end(false).catch(() => undefined);
      throw error;
    }
    return live;
  }
}

/** Sends a statement as it was first sent; an `execute` answers no rows. */
export async function runStatement(tx: Queryable, statement: Statement): Promise<readonly object[]> {
  switch (statement.kind) {
    case "query":
      return tx.query(statement.sql, statement.params);
    case "execute":
      await tx.execute(statement.sql);
      return [];
    case "batch":
      return tx.queryBatch(statement.params as readonly string[]);
    default: {
      const unknown: never = statement.kind;
      throw new Error(`unknown statement kind ${String(unknown)}`);
    }
  }
}
