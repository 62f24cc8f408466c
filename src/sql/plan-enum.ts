import type { ChangeOf, TypeUsage } from "../diff/change.js";
import { enumAdditions, type EnumAddition } from "../diff/enum-additions.js";
import { keyOf } from "../ir/qualified-name.js";
import { quoteIdent, quoteLiteral, quoteQualified } from "../ir/quote.js";
import { createEnumSql } from "./plan-objects.js";
import { phased, type PhasedStatement } from "./phase.js";

type AlterEnum = ChangeOf<"alterEnum">;

/**
 * New values only, each at its place: `ADD VALUE … BEFORE/AFTER`, which cannot be used in the
 * transaction that adds it. Anything else (a value removed or moved) recreates the type and casts
 * every column that uses it, through text.
 */
export function planAlterEnum(change: AlterEnum): PhasedStatement[] {
  const additions = enumAdditions(change.from.values, change.to.values);
  return additions === null ? recreateEnum(change) : addValues(change, additions);
}

function addValues(change: AlterEnum, additions: readonly EnumAddition[]): PhasedStatement[] {
  const at = phased(change);
  const type = quoteQualified(change.to.schema, change.to.name);
  return additions.map(({ value, after, before }) => {
    const place = after !== null ? ` AFTER ${quoteLiteral(after)}` : before !== null ? ` BEFORE ${quoteLiteral(before)}` : "";
    return at("createTypes", `ALTER TYPE ${type} ADD VALUE ${quoteLiteral(value)}${place}`, ["nonTransactional"]);
  });
}

function recreateEnum(change: AlterEnum): PhasedStatement[] {
  const at = phased(change);
  const { from, to } = change;
  const oldName = `${to.name.slice(0, 40)}__tidemark_old`;
  const removed = from.values.some((value) => !to.values.includes(value));
  const restoredDefaults = new Map(change.toUsages.map((usage) => [usageKey(usage), usage.column.default]));
  const statements = [
    at("createTypes", `ALTER TYPE ${quoteQualified(from.schema, from.name)} RENAME TO ${quoteIdent(oldName)}`),
    at("createTypes", createEnumSql(to)),
  ];
  for (const usage of change.fromUsages) {
    const table = `ALTER TABLE ${quoteQualified(usage.table.schema, usage.table.name)} ALTER COLUMN ${quoteIdent(usage.column.name)}`;
    const array = usage.column.type.sql.endsWith("[]") ? "[]" : "";
    const newType = `${quoteQualified(to.schema, to.name)}${array}`;
    if (usage.column.default !== null) statements.push(at("createTypes", `${table} DROP DEFAULT`));
    statements.push(at("createTypes", `${table} TYPE ${newType} USING ${quoteIdent(usage.column.name)}::text${array}::${newType}`, [
      "needsCast", "heavyLock", ...(removed ? (["destructive"] as const) : []),
    ]));
    const restored = restoredDefaults.get(usageKey(usage));
    if (restored?.kind === "expression") statements.push(at("createTypes", `${table} SET DEFAULT ${restored.sql}`));
  }
  statements.push(at("createTypes", `DROP TYPE ${quoteQualified(from.schema, oldName)}`));
  return statements;
}

function usageKey(usage: TypeUsage): string {
  return `${keyOf(usage.table)}.${quoteIdent(usage.column.name)}`;
}
