import type { Change } from "../diff/change.js";
import type { Driver } from "../driver/driver.js";
import { UNMANAGED_QUERIES } from "./unmanaged-queries.js";

/** An object tidemark does not manage (a function, a trigger, a partition…), by name and content. */
export interface UnmanagedObject {
  readonly kind: string;
  readonly name: string;
  readonly fingerprint: string;
}

/** Every unmanaged object in the schemas, in one snapshot, with a fixed number of queries. */
export async function readUnmanagedObjects(driver: Driver, schemas: readonly string[]): Promise<readonly UnmanagedObject[]> {
  return driver.transaction(async (tx) => {
    await tx.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; SET LOCAL search_path = pg_catalog");
    const results = [];
    for (const sql of UNMANAGED_QUERIES) results.push(...(await tx.query<UnmanagedObject>(sql, [[...schemas]])));
    return results;
  });
}

/** The unmanaged objects that differ: only on one side, or changed. Named `kind name`. */
export function unmanagedDifferences(from: readonly UnmanagedObject[], to: readonly UnmanagedObject[]): readonly string[] {
  const key = (object: UnmanagedObject) => `${object.kind} ${object.name}`;
  const before = new Map(from.map((object) => [key(object), object.fingerprint]));
  const after = new Map(to.map((object) => [key(object), object.fingerprint]));
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}

const INHERITANCE = new Set(["inheritance", "inheritance parent"]);

/**
 * Tables in an inheritance tree that the changes touch. Columns and constraints flow between
 * parents and children in ways the IR does not model, so such changes are reported, not planned.
 */
export function changesInInheritance(changes: readonly Change[], unmanaged: readonly UnmanagedObject[]): readonly string[] {
  const inTree = new Set(unmanaged.filter((object) => INHERITANCE.has(object.kind)).map((object) => object.name));
  const touched = changes.flatMap((change) => {
    const table = "table" in change ? change.table : change.kind === "createTable" ? change.to : change.kind === "dropTable" ? change.from : null;
    return table === null ? [] : [`${table.schema}.${table.name}`];
  });
  return [...new Set(touched.filter((name) => inTree.has(name)))].sort().map((name) => `table ${name} (in an inheritance tree)`);
}
