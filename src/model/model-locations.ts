import { readFile } from "node:fs/promises";
import { glob } from "tinyglobby";
import type { Change, CommentTarget } from "../diff/change.js";
import { keyOf, type QualifiedName } from "../ir/qualified-name.js";
import type { Casing } from "./convert-column.js";
import { blankComments, columnSites, definitions, lineFinder, schemaVariables, type ColumnSite, type Definition } from "./scan-model-source.js";
import { drizzleCasing } from "./drizzle-runtime.js";

const { toCamelCase, toSnakeCase } = drizzleCasing;

/** A line in a model file (absolute path, 1-based line). */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
}

/** Where the model files define each table, column, enum, sequence and view. */
export interface ModelLocations {
  /** The model line a change is about (the column's line for a column change), or null when none (a dropped table). */
  locate(change: Change): SourceLocation | null;
}

/** Where a table is, and the line of each of its columns by SQL name. */
interface TableSite {
  readonly location: SourceLocation;
  readonly columns: Map<string, number>;
}

interface Sites {
  readonly tables: Map<string, TableSite>;
  readonly enums: Map<string, SourceLocation>;
  readonly sequences: Map<string, SourceLocation>;
  readonly views: Map<string, SourceLocation>;
  readonly schemas: Map<string, SourceLocation>;
}

/**
 * Reads the model files the globs match (text only, nothing is run: the models were loaded
 * already, and a second import costs seconds at 500 tables) and finds each definition's line:
 * `pgTable("name"`, `<schema>.table("name"` for `const <schema> = pgSchema("…")` in any model file,
 * `pgEnum`/`<schema>.enum`, `pgSequence`, `pgView`, `pgMaterializedView`, `pgSchema`, and in a
 * table's call each column's builder with its name (`text("display_name")`) or, for a column
 * named by its key (`displayName: text()`), the key as the config's `casing` maps it (when
 * `options` has no `casing`: the key as it is, in snake_case or in camelCase, whichever the change
 * names). Not found, so without a line:
 * tables made by a pgTableCreator or a helper function, names built at run time, schema objects
 * reached through another name. A file that cannot be read is skipped.
 */
export async function readModelLocations(
  root: string,
  globs: readonly string[],
  options: { readonly casing?: Casing } = {},
): Promise<ModelLocations> {
  const casing = "casing" in options ? options.casing : "guess";
  // The same files loadModels imports (src/model/load-models.ts).
  const files = (await glob([...globs], { cwd: root, absolute: true, ignore: ["**/node_modules/**", "**/*.d.ts"] })).sort();
  const texts = await Promise.all(files.map(async (file) => ({ file, text: await readFile(file, "utf8").then(blankComments, () => "") })));
  const shared = new Map<string, string>();
  for (const { text } of texts) for (const [variable, schema] of schemaVariables(text)) if (!shared.has(variable)) shared.set(variable, schema);
  const sites: Sites = { tables: new Map(), enums: new Map(), sequences: new Map(), views: new Map(), schemas: new Map() };
  for (const { file, text } of texts) {
    const own = schemaVariables(text);
    addFile(sites, file, text, definitions(text, own.size === 0 ? shared : new Map([...shared, ...own])), casing);
  }
  return { locate: (change) => locateChange(sites, change) };
}

function addFile(sites: Sites, file: string, text: string, found: readonly Definition[], casing: Casing | "guess"): void {
  const lineOf = lineFinder(text);
  found.forEach((definition, i) => {
    const location = { file, line: lineOf(definition.start) };
    const key = keyOf(definition);
    switch (definition.kind) {
      case "table": {
        if (sites.tables.has(key)) return;
        const columns = new Map<string, number>();
        for (const site of columnSites(text, definition.end, found[i + 1]?.start ?? text.length)) {
          for (const name of columnNames(site, casing)) if (!columns.has(name)) columns.set(name, lineOf(site.offset));
        }
        sites.tables.set(key, { location, columns });
        return;
      }
      case "enum":
        return setFirst(sites.enums, key, location);
      case "sequence":
        return setFirst(sites.sequences, key, location);
      case "view":
        return setFirst(sites.views, key, location);
      case "schema":
        return setFirst(sites.schemas, definition.name, location);
      default: {
        const unknown: never = definition.kind;
        throw new Error(`unknown definition ${String(unknown)}`);
      }
    }
  });
}

/** The SQL names a column site may stand for: its own name, or its key as drizzle's casing maps it. */
function columnNames(site: ColumnSite, casing: Casing | "guess"): readonly string[] {
  if (!site.keyed) return [site.name];
  switch (casing) {
    case "guess":
      return [site.name, toSnakeCase(site.name), toCamelCase(site.name)];
    case "snake_case":
      return [toSnakeCase(site.name)];
    case "camelCase":
      return [toCamelCase(site.name)];
    case undefined:
      return [site.name];
    default: {
      const unknown: never = casing;
      throw new Error(`unknown casing ${String(unknown)}`);
    }
  }
}

function setFirst<T>(map: Map<string, T>, key: string, value: T): void {
  if (!map.has(key)) map.set(key, value);
}

/**
 * The model line of a change: a column change on its column's line (or its table's, when the
 * column is not in the models: a dropped one), an index or constraint change on its table's line,
 * other objects on their own. The side that is in the models is found, whichever it is (`diff`
 * may have the models on either side); null when neither is (a dropped table, an extension).
 */
function locateChange(sites: Sites, change: Change): SourceLocation | null {
  const inMap = (map: Map<string, SourceLocation>, ...names: QualifiedName[]) =>
    names.map((name) => map.get(keyOf(name))).find((found) => found !== undefined) ?? null;
  switch (change.kind) {
    case "createNamespace":
      return sites.schemas.get(change.to.name) ?? null;
    case "dropNamespace":
      return sites.schemas.get(change.from.name) ?? null;
    case "createExtension":
    case "dropExtension":
    case "alterExtension":
      return null;
    case "createEnum":
      return inMap(sites.enums, change.to);
    case "dropEnum":
      return inMap(sites.enums, change.from);
    case "alterEnum":
    case "renameEnum":
      return inMap(sites.enums, change.to, change.from);
    case "createSequence":
      return inMap(sites.sequences, change.to);
    case "dropSequence":
      return inMap(sites.sequences, change.from);
    case "alterSequence":
      return inMap(sites.sequences, change.to, change.from);
    case "createView":
      return inMap(sites.views, change.to);
    case "dropView":
      return inMap(sites.views, change.from);
    case "setComment":
      return locateComment(sites, change.target);
    default:
      return locateTableChange(sites, change);
  }
}

type TableChange = Extract<
  Change,
  { readonly kind: "createTable" | "dropTable" | "renameTable" | `${string}Column` | `${string}Constraint` | `${string}Index` }
>;

function locateTableChange(sites: Sites, change: TableChange): SourceLocation | null {
  const table = (name: QualifiedName) => sites.tables.get(keyOf(name))?.location ?? null;
  switch (change.kind) {
    case "createTable":
      return table(change.to);
    case "dropTable":
      return table(change.from);
    case "renameTable":
      return table(change.to) ?? table(change.from);
    case "addColumn":
      return columnLocation(sites, change.table, change.to.name);
    case "dropColumn":
      return columnLocation(sites, change.table, change.from.name);
    case "alterColumn":
    case "renameColumn":
      return sites.tables.get(keyOf(change.table))?.columns.has(change.to.name) === false
        ? columnLocation(sites, change.table, change.from.name)
        : columnLocation(sites, change.table, change.to.name);
    case "addConstraint":
    case "dropConstraint":
    case "renameConstraint":
    case "createIndex":
    case "dropIndex":
    case "renameIndex":
      return table(change.table);
    default: {
      const unknown: never = change;
      throw new Error(`unknown change ${JSON.stringify(unknown)}`);
    }
  }
}

/** The column's line, else its table's (a column the models do not have), else null. */
function columnLocation(sites: Sites, table: QualifiedName, column: string): SourceLocation | null {
  const site = sites.tables.get(keyOf(table));
  if (site === undefined) return null;
  const line = site.columns.get(column);
  return line === undefined ? site.location : { file: site.location.file, line };
}

function locateComment(sites: Sites, target: CommentTarget): SourceLocation | null {
  switch (target.on) {
    case "schema":
      return sites.schemas.get(target.name) ?? null;
    case "column":
      return columnLocation(sites, target.object, target.column);
    case "table":
      return sites.tables.get(keyOf(target.object))?.location ?? null;
    case "view":
    case "materializedView":
      return sites.views.get(keyOf(target.object)) ?? null;
    case "sequence":
      return sites.sequences.get(keyOf(target.object)) ?? null;
    case "type":
      return sites.enums.get(keyOf(target.object)) ?? null;
    case "index":
      return null;
    default: {
      const unknown: never = target;
      throw new Error(`unknown comment target ${JSON.stringify(unknown)}`);
    }
  }
}
