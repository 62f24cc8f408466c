import type { Column } from "../ir/column.js";
import { quoteIdent } from "../ir/quote.js";
import type { Schema } from "../ir/schema.js";

/** A default whose text differs from the database's, on a column whose type does not. */
export interface DefaultQuestion {
  readonly typeSql: string;
  readonly defaultSql: string;
}

const questionKey = (question: DefaultQuestion) => `${question.typeSql}\u0000${question.defaultSql}`;

/** The distinct (type, default) pairs of the model that the database spells differently. */
export function defaultQuestions(model: Schema, database: Schema): readonly DefaultQuestion[] {
  const questions = new Map<string, DefaultQuestion>();
  for (const [key, table] of Object.entries(model.tables)) {
    const current = new Map(database.tables[key]?.columns.map((column) => [column.name, column]) ?? []);
    for (const column of table.columns) {
      const other = current.get(column.name);
      if (other === undefined || column.default?.kind !== "expression" || column.type.sql !== other.type.sql) continue;
      if (other.default?.kind === "expression" && other.default.sql === column.default.sql) continue;
      const question = { typeSql: column.type.sql, defaultSql: column.default.sql };
      questions.set(questionKey(question), question);
    }
  }
  return [...questions.values()];
}

/** One column per question, `q<n> type DEFAULT text`, added one by one so a refusal skips only it. */
export function defaultColumnsSql(table: string, questions: readonly DefaultQuestion[]): readonly string[] {
  return questions.map((question, i) => `ALTER TABLE ${table} ADD COLUMN ${quoteIdent(`q${i}`)} ${question.typeSql} DEFAULT ${question.defaultSql}`);
}

/** The model with each asked default replaced by the database's spelling of it. */
export function applyDefaultAnswers(model: Schema, questions: readonly DefaultQuestion[], answers: readonly Column[]): Schema {
  const spelt = new Map<string, string>();
  questions.forEach((question, i) => {
    const answer = answers.find((column) => column.name === `q${i}`)?.default;
    if (answer?.kind === "expression") spelt.set(questionKey(question), answer.sql);
  });
  if (spelt.size === 0) return model;
  const tables = Object.fromEntries(Object.entries(model.tables).map(([key, table]) => [key, {
    ...table,
    columns: table.columns.map((column) => {
      if (column.default?.kind !== "expression") return column;
      const answer = spelt.get(questionKey({ typeSql: column.type.sql, defaultSql: column.default.sql }));
      return answer === undefined ? column : { ...column, default: { kind: "expression" as const, sql: answer } };
    }),
  }]));
  return { ...model, tables };
}
