import { CachedTransaction } from "./cached-transaction.js";
import { removeCatalogCache, writeCatalogCache, type CachedAnswers } from "./catalog-cache.js";
import type { DataDirLock } from "./data-dir-lock.js";
import type { Driver, Queryable } from "./driver.js";
import { isPlainRead, jsonSafe, statementKey } from "./statement-kinds.js";

export interface CachedReadsOptions {
  readonly target: string;
  readonly dataDir: string;
  readonly lock: DataDirLock;
  /** Answers saved against the directory as it is now, or null: then every read goes to the database. */
  readonly saved: CachedAnswers | null;
  /** Opens the database itself (the lock is held already); called once, at the first read not saved. */
  readonly open: () => Promise<Driver>;
}

/**
 * An embedded database whose reads are answered from what the same reads returned last time, as
 * long as nothing has opened its data directory since (see catalog-cache.ts). PGlite takes about a
 * second to start and a second more to read a large catalog for the first time, so a command that
 * only reads (`revision --autogenerate`, `check`, `current`) on an unchanged database does not
 * start it at all. The first statement that is not a saved read opens the database; a session
 * that wrote anything leaves no answers behind, one that only read saves what it learned.
 */
export class CachedReadsDriver implements Driver {
  readonly backend = "embedded";
  readonly target: string;
  private readonly answers: Map<string, readonly object[]>;
  private database: Promise<Driver> | null = null;
  private learned = false;
  private wrote = false;

  constructor(private readonly options: CachedReadsOptions) {
    this.target = options.target;
    this.answers = new Map(Object.entries(options.saved ?? {}));
  }

  /** Opens the database now, for a session with nothing saved: it is needed anyway. */
  async openNow(): Promise<void> {
    await this.open();
  }

  async query<Row extends object>(sql: string, params: readonly unknown[] = []): Promise<readonly Row[]> {
    if (this.wrote || !isPlainRead(sql)) {
      this.wrote = true;
      return (await this.open()).query<Row>(sql, params);
    }
    const key = statementKey(null, "query", sql, params);
    const saved = this.answers.get(key);
    if (saved !== undefined) return saved as readonly Row[];
    const rows = await (await this.open()).query<Row>(sql, params);
    this.learn([[key, rows]]);
    return rows;
  }

  async execute(sql: string): Promise<void> {
    this.wrote = true;
    await (await this.open()).execute(sql);
  }

  async queryBatch(statements: readonly string[]): Promise<readonly (readonly object[])[]> {
    if (this.wrote || !statements.every(isPlainRead)) {
      this.wrote = true;
      return (await this.open()).queryBatch(statements);
    }
    const key = statementKey(null, "batch", "", statements);
    const saved = this.answers.get(key) as readonly (readonly object[])[] | undefined;
    if (saved !== undefined) return saved;
    const results = await (await this.open()).queryBatch(statements);
    this.learn([[key, results]]);
    return results;
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    if (this.wrote) return (await this.open()).transaction(work);
    const tx = new CachedTransaction(this.answers, () => this.open());
    let result: T;
    try {
      result = await work(tx);
    } catch (error) {
      await tx.end(false).catch(() => undefined); // the work's error is the one to report
      if (tx.mayHaveWritten) this.wrote = true;
      else this.learn(tx.fresh); // rolled back: what it read is still true of the database
      throw error;
    }
    if (!tx.declaredReadOnly) this.wrote = true;
    await tx.end(true);
    if (tx.declaredReadOnly) this.learn(tx.fresh);
    return result;
  }

  async close(): Promise<void> {
    try {
      const database = await this.database?.catch(() => null);
      if (database === null || database === undefined) return;
      await database.close();
      if (this.wrote) await removeCatalogCache(this.options.dataDir);
      else if (this.learned) await writeCatalogCache(this.options.dataDir, Object.fromEntries(this.answers)).catch(() => undefined);
    } finally {
      await this.options.lock.release();
    }
  }

  private open(): Promise<Driver> {
    if (this.database === null) {
      this.database = this.options.open();
      this.database.catch(() => undefined); // whoever needs it awaits it and sees the error
    }
    return this.database;
  }

  private learn(answers: Iterable<readonly [string, readonly object[]]>): void {
    for (const [key, rows] of answers) {
      if (!jsonSafe(rows)) continue;
      this.answers.set(key, rows);
      this.learned = true;
    }
  }
}
