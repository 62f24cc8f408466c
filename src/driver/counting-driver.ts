import type { Driver, Queryable } from "./driver.js";

/** A driver that counts the statements sent through it, for benchmarks and `--debug`. */
export interface CountingDriver extends Driver {
  readonly statements: number;
}

export function countStatements(inner: Driver): CountingDriver {
  let statements = 0;
  const counted = (queryable: Queryable): Queryable => ({
    query: (sql, params) => {
      statements += 1;
      return queryable.query(sql, params);
    },
    execute: (sql) => {
      statements += 1;
      return queryable.execute(sql);
    },
    queryBatch: (batch) => {
      statements += batch.length;
      return queryable.queryBatch(batch);
    },
  });
  const outer = counted(inner);
  return {
    backend: inner.backend,
    target: inner.target,
    get statements() {
      return statements;
    },
    query: outer.query,
    execute: outer.execute,
    queryBatch: outer.queryBatch,
    transaction: (work) => inner.transaction((tx) => work(counted(tx))),
    close: () => inner.close(),
  };
}
