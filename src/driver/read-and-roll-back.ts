import type { Driver, Queryable } from "./driver.js";

class RollBack<T> {
  constructor(readonly result: T) {}
}

/** Runs `work` in a transaction that is always rolled back, and returns what it returned. */
export async function readAndRollBack<T>(driver: Driver, work: (tx: Queryable) => Promise<T>): Promise<T> {
  try {
    await driver.transaction(async (tx) => {
      throw new RollBack(await work(tx));
    });
  } catch (outcome) {
    if (outcome instanceof RollBack) return outcome.result as T;
    throw outcome;
  }
  throw new Error("unreachable: the transaction always rolls back");
}
