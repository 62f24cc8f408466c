import type { Index, IndexKey } from "../ir/index-def.js";
import type { IndexKeyJson, IndexRow } from "./catalog-rows.js";

const DESC = 1;
const NULLS_FIRST = 2;

export function buildIndex(row: IndexRow): Index {
  return {
    name: row.name,
    unique: row.unique,
    method: row.method,
    keys: row.keys.slice(0, row.key_count).map(buildKey),
    include: row.keys.slice(row.key_count).map((key) => key.column ?? key.definition),
    where: row.predicate,
    nullsNotDistinct: row.nulls_not_distinct,
    comment: row.comment,
  };
}

function buildKey(key: IndexKeyJson): IndexKey {
  const option = key.option ?? 0;
  return {
    kind: key.column === null ? "expression" : "column",
    value: key.column ?? key.definition,
    descending: (option & DESC) !== 0,
    nullsFirst: (option & NULLS_FIRST) !== 0,
    opclass: key.opclass,
    collation: key.collation,
  };
}
