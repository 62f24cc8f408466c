import { CachedTransaction } from "./cached-transaction.js";
import { olderSequences, removeCatalogCache, savedReadsOf, writeCatalogCache, type SavedReads } from "./catalog-cache.js";
import type { DataDirLock } from "./data-dir-lock.js";
import type { Driver, Queryable } from "./driver.js";
import { replaySavedReads } from "./replay-saved-reads.js";
import { isPlainRead, jsonSafe, statementKey, type SavedSequence, type SavedStatement } from "./statement-kinds.js";

export interface CachedReadsOptions {
  readonly target: string;
  readonly dataDir: string;
  readonly lock: DataDirLock;
  /** Reads saved against the directory as it is now, or null: then every read goes to the database. */
  readonly saved: SavedReads | null;
  /** Opens the database itself (the lock is held already); called once, at the first read not saved. */
  readonly open: () => Promise<Driver>;
}

/**
 * An embedded database whose reads are answered from what the same reads returned last time, as
 * long as nothing has opened its data directory since (see catalog-cache.ts). PGlite takes about a
 * second to start and a second more to read a large catalog for the first time, so a command that
 * only reads (`revision --autogenerate`, `check`, `current`) on an unchanged database does not
 * start it at all. The first statement that is not a saved read opens the database. A session
 * that only read saves its reads and what they answered; one that wrote sends the reads saved
 * before it again at its end, while the database is open and warm, and saves their new answers
 * (replay-saved-reads.ts), so that the command after a write needs no PGlite either.
 */
export class CachedReadsDriver implements Driver {
  readonly backend = "embedded";
  readonly target: string;
  private readonly answers: Map<string, readonly object[]>;
  /** This session's reads that may be saved: its plain reads and its transactions that changed nothing. */
  private readonly used = new Map<string, SavedSequence>(); // a plain read by its key: once however often it is sent
  private database: Promise<Driver> | null = null;
  private learned = false;
  private wrote = false;

  constructor(private readonly options: CachedReadsOptions) {
    this.target = options.target;
    this.answers = new Map(Object.entries(options.saved?.answers ?? {}));
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
    this.use("plain", [{ kind: "query", sql, params }], key);
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
    this.use("plain", [{ kind: "batch", sql: "", params: statements }], key);
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
      else {
        this.learn(tx.fresh); // rolled back: what it read is still true of the database
        this.use("rolledBack", tx.answeredStatements);
      }
      throw error;
    }
    if (!tx.declaredReadOnly) this.wrote = true;
    await tx.end(true);
    if (tx.declaredReadOnly) {
      this.learn(tx.fresh);
      this.use("readOnly", tx.answeredStatements);
    }
    return result;
  }

  async close(): Promise<void> {
    try {
      const database = await this.database?.catch(() => null);
      if (database === null || database === undefined) return;
      if (this.wrote) return await this.closeAfterWrite(database);
      await database.close();
      if (this.learned) await writeCatalogCache(this.options.dataDir, savedReadsOf([...this.used.values(), ...olderSequences(this.options.saved)], this.answers)).catch(() => undefined);
    } finally {
      await this.options.lock.release();
    }
  }

  /**
   * The saved answers are wrong from now on: the file goes first, so that whatever fails below
   * leaves none. When the session began with saved reads, they are sent again before closing and
   * their new answers saved against the directory as it is after the shutdown. A refresh that
   * fails only costs the next command its saved answers; the user's command never sees it.
   */
  private async closeAfterWrite(database: Driver): Promise<void> {
    await removeCatalogCache(this.options.dataDir);
    const sequences = this.options.saved?.sequences ?? [];
    const refreshed = sequences.length === 0 ? null : await replaySavedReads(database, sequences).catch(() => null);
    await database.close();
    if (refreshed === null || refreshed.sequences.length === 0) return;
    await writeCatalogCache(this.options.dataDir, refreshed).catch(() => removeCatalogCache(this.options.dataDir).catch(() => undefined));
  }

  private use(mode: SavedSequence["mode"], statements: readonly SavedStatement[], key = `transaction ${this.used.size}`): void {
    if (!this.wrote && statements.length > 0) this.used.set(key, { mode, statements, age: 0 });
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
