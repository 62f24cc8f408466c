import type { Driver, Queryable } from "./driver.js";

/** A transaction held open from outside the callback that `Driver.transaction` takes. */
export interface LiveTransaction {
  readonly tx: Queryable;
  /** Commits (true) or rolls back (false), and resolves when the database has done it. */
  end(commit: boolean): Promise<void>;
}

class RollBack {}

/**
 * Begins a transaction on `driver` and hands it out, for work that began elsewhere (answers given
 * from the read cache) and must go on in a real transaction. It ends when `end` is called.
 */
export function beginLiveTransaction(driver: Driver): Promise<LiveTransaction> {
  return new Promise((resolve, reject) => {
    let decide: (commit: boolean) => void = () => undefined;
    const decided = new Promise<boolean>((settle) => {
      decide = settle;
    });
    let started = false;
    const outcome = driver.transaction(async (tx) => {
      started = true;
      resolve({ tx, end: async (commit) => {
        decide(commit);
        await outcome.catch((error: unknown) => {
          if (!(error instanceof RollBack)) throw error;
        });
      } });
      if (!(await decided)) throw new RollBack();
    });
    outcome.catch((error: unknown) => {
      if (!started) reject(error);
    });
  });
}
