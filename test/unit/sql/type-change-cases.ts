import type { ColumnType } from "../../../src/ir/column.js";
import { FIXTURES, readJson } from "../../support/fixture-cases.js";

/** One row of fixtures/plan/type-changes.json. */
export interface TypeChangeCase {
  readonly from: string;
  readonly to: string;
  readonly class: "safe" | "risky" | "cast" | "noCast";
  readonly destructive?: boolean;
  readonly rewrite?: boolean;
  readonly example?: string;
}

export const TYPE_CHANGE_CASES: readonly TypeChangeCase[] = readJson<{ cases: TypeChangeCase[] }>(`${FIXTURES}/plan`, "type-changes.json").cases;

/** The IR's column type for a spelling; `public.<name>` is a user type. */
export function columnType(sql: string): ColumnType {
  const user = /^public\.(\w+)(\[\])?$/.exec(sql);
  return { sql, userType: user === null ? null : { schema: "public", name: user[1] ?? "" } };
}
