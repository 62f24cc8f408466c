import type { ChangeOf as Of, CommentTarget } from "../diff/change.js";
import type { EnumType, View } from "../ir/objects.js";
import { nameOf } from "../ir/qualified-name.js";
import { quoteIdent, quoteLiteral, quoteQualified } from "../ir/quote.js";
import { sameValue } from "../ir/same-value.js";
import type { Sequence } from "../ir/sequence.js";
import { createIndexSql } from "./render-constraint.js";
import { sequenceOptionsSql } from "./render-column.js";
import { phased, type PhasedStatement } from "./phase.js";

export function planCreateEnum(change: Of<"createEnum">): PhasedStatement[] {
  const at = phased(change);
  return [at("createTypes", createEnumSql(change.to)), ...commentIfAny(at, { on: "type", object: nameOf(change.to) }, change.to.comment)];
}

export function createEnumSql(type: EnumType): string {
  return `CREATE TYPE ${quoteQualified(type.schema, type.name)} AS ENUM (${type.values.map(quoteLiteral).join(", ")})`;
}

export function planCreateSequence(change: Of<"createSequence">): PhasedStatement[] {
  const at = phased(change);
  const sequence = change.to;
  return [
    at("createTypes", `CREATE SEQUENCE ${quoteQualified(sequence.schema, sequence.name)} ${sequenceOptionsSql(sequence.options, { withType: true })}`),
    ...(sequence.ownedBy === null ? [] : [at("sequenceOwnership", ownedBySql(sequence))]),
    ...commentIfAny(at, { on: "sequence", object: nameOf(sequence) }, sequence.comment),
  ];
}

export function planAlterSequence(change: Of<"alterSequence">): PhasedStatement[] {
  const at = phased(change);
  const { from, to } = change;
  const statements: PhasedStatement[] = [];
  if (!sameValue(from.options, to.options)) {
    statements.push(at("createTypes", `ALTER SEQUENCE ${quoteQualified(to.schema, to.name)} ${sequenceOptionsSql(to.options, { withType: true })}`));
  }
  if (!sameValue(from.ownedBy, to.ownedBy)) {
    if (from.ownedBy !== null) statements.push(at("releaseOwnership", ownedBySql({ ...from, ownedBy: null })));
    if (to.ownedBy !== null) statements.push(at("sequenceOwnership", ownedBySql(to)));
  }
  return statements;
}

/** An owned sequence is released first, so that dropping its owner in the same plan leaves it to drop. */
export function planDropSequence(change: Of<"dropSequence">): PhasedStatement[] {
  const at = phased(change);
  const sequence = change.from;
  return [
    ...(sequence.ownedBy === null ? [] : [at("releaseOwnership", ownedBySql({ ...sequence, ownedBy: null }))]),
    at("dropTypes", `DROP SEQUENCE ${quoteQualified(sequence.schema, sequence.name)}`, ["destructive"]),
  ];
}

function ownedBySql(sequence: Sequence): string {
  const owner = sequence.ownedBy === null
    ? "NONE"
    : `${quoteQualified(sequence.schema, sequence.ownedBy.table)}.${quoteIdent(sequence.ownedBy.column)}`;
  return `ALTER SEQUENCE ${quoteQualified(sequence.schema, sequence.name)} OWNED BY ${owner}`;
}

export function planCreateView(change: Of<"createView">): PhasedStatement[] {
  const at = phased(change);
  const view = change.to;
  const kind = view.materialized ? "MATERIALIZED VIEW" : "VIEW";
  const query = view.definition.trim().replace(/;$/, "");
  const target = { schema: view.schema, name: view.name };
  return [
    at("createViews", `CREATE ${kind} ${quoteQualified(view.schema, view.name)} AS ${query}`),
    ...Object.values(view.indexes).flatMap((index) => [
      at("createViews", createIndexSql(target, index)),
      ...commentIfAny(at, { on: "index", object: { schema: view.schema, name: index.name } }, index.comment),
    ]),
    ...commentIfAny(at, { on: view.materialized ? "materializedView" : "view", object: target }, view.comment),
  ];
}

export function dropViewSql(view: View): string {
  return `DROP ${view.materialized ? "MATERIALIZED VIEW" : "VIEW"} ${quoteQualified(view.schema, view.name)}`;
}

export function commentSql(target: CommentTarget, text: string | null): string {
  const value = text === null ? "NULL" : quoteLiteral(text);
  return `COMMENT ON ${commentTargetSql(target)} IS ${value}`;
}

function commentTargetSql(target: CommentTarget): string {
  switch (target.on) {
    case "schema":
      return `SCHEMA ${quoteIdent(target.name)}`;
    case "column":
      return `COLUMN ${quoteQualified(target.object.schema, target.object.name)}.${quoteIdent(target.column)}`;
    case "materializedView":
      return `MATERIALIZED VIEW ${quoteQualified(target.object.schema, target.object.name)}`;
    case "table":
    case "view":
    case "sequence":
    case "type":
    case "index":
      return `${target.on.toUpperCase()} ${quoteQualified(target.object.schema, target.object.name)}`;
    default: {
      const unknown: never = target;
      throw new Error(`unknown comment target ${JSON.stringify(unknown)}`);
    }
  }
}

/** A COMMENT statement for a new object that has a comment. */
export function commentIfAny(at: ReturnType<typeof phased>, target: CommentTarget, text: string | null): PhasedStatement[] {
  return text === null ? [] : [at("comments", commentSql(target, text))];
}
