import { createHash } from "node:crypto";
import type { Column } from "../ir/column.js";
import type { Driver } from "../driver/driver.js";
import { readAndRollBack } from "../driver/read-and-roll-back.js";
import type { View } from "../ir/objects.js";
import { qualifiedKey } from "../ir/qualified-name.js";
import { quoteIdent, quoteLiteral, quoteQualified } from "../ir/quote.js";
import { sameValue } from "../ir/same-value.js";
import type { Schema } from "../ir/schema.js";
import type { Table } from "../ir/table.js";
import { orderedStatements } from "../sql/plan.js";
import { applyDefaultAnswers, defaultColumnsSql, defaultQuestions } from "./canonical-defaults.js";
import { introspectWithin } from "./introspect.js";
import { adoptScratch, scratchCopy } from "./scratch-copy.js";

/**
 * The model with every expression and type the database would print differently replaced by the
 * database's own spelling, so that an unchanged schema diffs to nothing. Only tables and views
 * present on both sides whose text differs are sent, in batches of a hundred: copies are created in a
 * scratch schema inside a transaction that is always rolled back, and read back. A copy the
 * database refuses (it needs an object that does not exist yet) keeps the model's text.
 */
export async function canonicalizeModel(driver: Driver, model: Schema, database: Schema): Promise<Schema> {
  return canonicalizeTables(driver, await canonicalizeDefaults(driver, model, database), database);
}

/**
 * Column defaults, the common case, need no copy of their table: each distinct (type, text) pair
 * becomes one column of a single scratch table, however many tables share it.
 */
async function canonicalizeDefaults(driver: Driver, model: Schema, database: Schema): Promise<Schema> {
  const questions = defaultQuestions(model, database);
  if (questions.length === 0) return model;
  const schema = `tidemark_scratch_${contentTag(questions)}`;
  const answers: Column[] = [];
  for (let i = 0; i < questions.length; i += COLUMNS_PER_TABLE) {
    const batch = questions.slice(i, i + COLUMNS_PER_TABLE);
    const spelt = await readAndRollBack(driver, async (tx) => {
      const table = quoteQualified(schema, "defaults");
      const statements = [`CREATE SCHEMA ${quoteIdent(schema)}`, `CREATE TABLE ${table} ()`, ...defaultColumnsSql(table, batch).map(tolerant)];
      await tx.execute(statements.join(";\n"));
      return introspectWithin(tx, { schemas: [schema], exclude: [] });
    });
    const columns = spelt.tables[qualifiedKey(schema, "defaults")]?.columns ?? [];
    answers.push(...columns.map((column) => ({ ...column, name: `q${Number(column.name.slice(1)) + i}` })));
  }
  return applyDefaultAnswers(model, questions, answers);
}

/** What needs the table around it (types, generated columns, checks, indexes), as whole copies. */
async function canonicalizeTables(driver: Driver, model: Schema, database: Schema): Promise<Schema> {
  const tables = Object.entries(model.tables).filter(([key, table]) => {
    const current = database.tables[key];
    return current !== undefined && tableTextDiffers(table, current);
  });
  const views = Object.entries(model.views).filter(([key, view]) => {
    const current = database.views[key];
    return current !== undefined && current.definition !== view.definition;
  });
  if (tables.length === 0 && views.length === 0) return model;
  const tag = contentTag([tables, views]);
  const scratchOf = new Map<string, string>();
  const scratchName = (schema: string): string => {
    if (!scratchOf.has(schema)) scratchOf.set(schema, `tidemark_scratch_${tag}_${scratchOf.size}`);
    return scratchOf.get(schema) ?? "";
  };
  const copies = [
    ...tables.map(([, table]) => orderedStatements([{ kind: "createTable", to: scratchCopy(table, scratchName(table.schema)) }])),
    ...views.map(([, view]) => orderedStatements([{ kind: "createView", to: { ...view, schema: scratchName(view.schema), indexes: {}, comment: null } }])),
  ];
  const scratch: Schema[] = [];
  for (let i = 0; i < copies.length; i += COPIES_PER_TRANSACTION) {
    const statements = copies.slice(i, i + COPIES_PER_TRANSACTION).flat();
    scratch.push(await readAndRollBack(driver, async (tx) => {
      const schemas = [...scratchOf.values()];
      await tx.execute([...schemas.map((name) => `CREATE SCHEMA ${quoteIdent(name)}`), ...statements.map((s) => tolerant(s.sql))].join(";\n"));
      return introspectWithin(tx, { schemas, exclude: [] });
    }));
  }
  const spelt = Object.assign({}, ...scratch.map((schema) => schema.tables)) as Schema["tables"];
  const speltViews = Object.assign({}, ...scratch.map((schema) => schema.views)) as Schema["views"];
  const fromScratch = (schema: string, name: string) => qualifiedKey(scratchOf.get(schema) ?? "", name);
  return {
    ...model,
    tables: Object.fromEntries(Object.entries(model.tables).map(([key, table]) => {
      const copy = spelt[fromScratch(table.schema, table.name)];
      return [key, copy === undefined ? table : adoptScratch(table, copy)];
    })),
    views: Object.fromEntries(Object.entries(model.views).map(([key, view]): [string, View] => {
      const copy = speltViews[fromScratch(view.schema, view.name)];
      return [key, copy === undefined ? view : { ...view, definition: copy.definition }];
    })),
  };
}

/**
 * The scratch schema's name, from what goes into it rather than at random: the same models against
 * the same database send the same statements, whose answers an embedded database can give from its
 * read cache (src/driver/cached-reads-driver.ts). Two sessions sending the same copies to one
 * server at once only wait for each other's rollback.
 */
function contentTag(content: unknown): string {
  return createHash("sha256").update(JSON.stringify(content)).digest("hex").slice(0, 8);
}

/**
 * Copies per scratch transaction: each copy takes a few locks, and a server's lock table holds
 * max_locks_per_transaction × max_connections (6,400 by default) in all.
 */
const COPIES_PER_TRANSACTION = 100;

/** PostgreSQL allows 1,600 columns in a table. */
const COLUMNS_PER_TABLE = 1000;

/**
 * A statement that is skipped, not fatal, when the database refuses it. The DO block's body is
 * dollar-quoted with a tag the statement does not hold: a model's default text may hold any other.
 */
function tolerant(sql: string): string {
  let tag = "$tidemark$";
  for (let n = 1; sql.includes(tag); n += 1) tag = `$tidemark${n}$`;
  return `DO ${tag} BEGIN EXECUTE ${quoteLiteral(sql)}; EXCEPTION WHEN others THEN NULL; END ${tag}`;
}

function tableTextDiffers(model: Table, database: Table): boolean {
  const columns = new Map(database.columns.map((column) => [column.name, column]));
  const columnDiffers = model.columns.some((column) => {
    const other = columns.get(column.name);
    return other !== undefined && (column.type.sql !== other.type.sql || !sameValue(column.default, other.default) || !sameValue(column.generated, other.generated));
  });
  const checkDiffers = Object.values(model.checks).some((check) => {
    const other = database.checks[check.name];
    return other !== undefined && other.expression !== check.expression;
  });
  const indexDiffers = Object.values(model.indexes).some((index) => {
    const other = database.indexes[index.name];
    return other !== undefined && !sameValue({ ...index, comment: null }, { ...other, comment: null });
  });
  return columnDiffers || checkDiffers || indexDiffers;
}
