/** What both backends offer: the whole surface tidemark uses to talk to PostgreSQL. */
export interface Queryable {
  /**
   * One statement with `$1`-style parameters. Rows come back as the backend parses them: callers
   * cast columns in SQL (`::int`, `::text[]`) so that both backends return the same JS values.
   */
  query<Row extends object>(sql: string, params?: readonly unknown[]): Promise<readonly Row[]>;
  /** A script of one or more statements, without parameters. */
  execute(sql: string): Promise<void>;
  /**
   * Statements without parameters sent as one message, their rows in order: one round trip, so the
   * server works through them all while this process does something else (load the models).
   */
  queryBatch(statements: readonly string[]): Promise<readonly (readonly object[])[]>;
}

export interface Driver extends Queryable {
  readonly backend: "server" | "embedded";
  /** Where it is connected, fit to print: never contains a password. */
  readonly target: string;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
