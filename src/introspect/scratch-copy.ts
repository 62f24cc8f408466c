import type { Table } from "../ir/table.js";

/** What of a table the database must spell: columns, checks and indexes, in another schema. */
export function scratchCopy(table: Table, schema: string): Table {
  return {
    ...table,
    schema,
    columns: table.columns.map((column) => ({ ...column, comment: null })),
    foreignKeys: {},
    indexes: Object.fromEntries(Object.entries(table.indexes).map(([name, index]) => [name, { ...index, comment: null }])),
    comment: null,
  };
}

/** The model's table with the database's spelling of each column type, expression and index. */
export function adoptScratch(model: Table, copy: Table): Table {
  const copied = new Map(copy.columns.map((column) => [column.name, column]));
  return {
    ...model,
    columns: model.columns.map((column) => {
      const spelt = copied.get(column.name);
      return spelt === undefined ? column : { ...column, type: spelt.type, default: spelt.default, generated: spelt.generated };
    }),
    checks: Object.fromEntries(Object.entries(model.checks).map(([name, check]) => [name, { ...check, expression: copy.checks[name]?.expression ?? check.expression }])),
    indexes: Object.fromEntries(Object.entries(model.indexes).map(([name, index]) => {
      const spelt = copy.indexes[name];
      return [name, spelt === undefined ? index : { ...spelt, comment: index.comment }];
    })),
  };
}
