import type { Config } from "../config/config.js";
import { parseRenameHint, type DiffOptions, type RenameHint } from "../diff/rename-hints.js";
import { withConnection } from "../driver/connect.js";
import type { Driver } from "../driver/driver.js";
import { introspect, type IntrospectOptions } from "../introspect/introspect.js";
import { objectsLostOnRecreate, recreatedRelations } from "../introspect/objects-lost-on-recreate.js";
import { changesInInheritance, readUnmanagedObjects, unmanagedDifferences, type UnmanagedObject } from "../introspect/unmanaged-objects.js";
import { EMPTY_SCHEMA, type Schema } from "../ir/schema.js";
import { loadModels } from "../model/load-models.js";
import { autogenerate } from "../sql/autogenerate.js";
import { compareDatabases, type SchemaDifference } from "./compare-databases.js";
import { loadGraph } from "./load-graph.js";
import { schemaAgainstDatabase } from "./models-against-database.js";
import type { Project } from "./open-project.js";
import { withReplayedScratch } from "./replay-migrations.js";
import type { SchemaSource } from "./schema-source.js";

export interface DiffSourcesOptions {
  /** The schemas compared (`--schema`); none: the config's `schemaFilter`. */
  readonly schemas?: readonly string[];
}

/** What both sides are read with: the schemas, the tables left out, the config's renames. */
interface Scope {
  readonly config: Pick<Config, "root" | "schemaGlobs" | "casing" | "schemaFilter" | "versionTable" | "historyTable">;
  readonly introspect: IntrospectOptions;
  /** The config's renames, `old=new` from the database to the models. */
  readonly renames: readonly RenameHint[];
}

/** A source made readable: a connection (a database, or migrations replayed), loaded models, or nothing. */
type OpenSide =
  | { readonly kind: "database"; readonly driver: Driver }
  | { readonly kind: "models"; readonly schema: Schema }
  | { readonly kind: "empty" };

/**
 * What takes `from` to `to`, for `tidemark diff`. Each side is opened as it needs (a connection to
 * a URL or the project's database, a scratch database the migrations are replayed on, the models
 * loaded, nothing for `empty`), and closed or dropped whatever happens. Two databases are compared
 * by compareDatabases; models are given the database's spelling through its connection (as
 * `revision --autogenerate` does: a scratch schema in a transaction that is rolled back); `empty` is a database with nothing in it.
 * Unmanaged objects that differ are named in `unsupported`, and so are those the SQL would lose (a
 * trigger on a view it drops and creates again). The config's renames are stated renames when the
 * models are one side (they are written from the database to the models, so models → database
 * takes them backwards).
 */
export async function diffSources(project: Project, from: SchemaSource, to: SchemaSource, options: DiffSourcesOptions = {}): Promise<SchemaDifference> {
  const scope = scopeOf(project.config, options);
  return withSide(project, from, scope, (left) => withSide(project, to, scope, (right) => compareSides(left, right, scope)));
}

function scopeOf(config: Config, options: DiffSourcesOptions): Scope {
  const schemaFilter = options.schemas !== undefined && options.schemas.length > 0 ? options.schemas : config.schemaFilter;
  return {
    config: { ...config, schemaFilter },
    introspect: { schemas: schemaFilter, exclude: [config.versionTable, config.historyTable] },
    renames: config.renames.map(parseRenameHint),
  };
}

/** Runs `work` on the opened source, and closes (or drops) what was opened whatever happens. */
async function withSide<T>(project: Project, source: SchemaSource, scope: Scope, work: (side: OpenSide) => Promise<T>): Promise<T> {
  switch (source.kind) {
    case "url":
      return withConnection(source.url, project.config.root, (driver) => work({ kind: "database", driver }));
    case "db":
      return withConnection(project.url, project.config.root, (driver) => work({ kind: "database", driver }));
    case "migrations":
      return withReplayed(project, source.target, (driver) => work({ kind: "database", driver }));
    case "models": {
      const { root, schemaGlobs, casing, schemaFilter } = scope.config;
      return work({ kind: "models", schema: await loadModels(root, schemaGlobs, { casing, schemaFilter }) });
    }
    case "empty":
      return work({ kind: "empty" });
    default: {
      const unknown: never = source;
      throw new Error(`unknown schema source ${JSON.stringify(unknown)}`);
    }
  }
}

/** A scratch database with the migrations run on it up to `target`, as `upgrade <target>` would. */
async function withReplayed<T>(project: Project, target: string, work: (driver: Driver) => Promise<T>): Promise<T> {
  return withReplayedScratch(project, await loadGraph(project.config), [target], work);
}

async function compareSides(from: OpenSide, to: OpenSide, scope: Scope): Promise<SchemaDifference> {
  if (from.kind === "empty" || to.kind === "empty") return againstEmpty(from, to, scope);
  if (from.kind === "database") {
    if (to.kind === "database") return compareDatabases(from.driver, to.driver, scope.introspect);
    return withLostObjects(await databaseToModels(from.driver, to.schema, scope), from.driver, scope);
  }
  if (to.kind === "database") return modelsToDatabase(from.schema, to.driver, scope);
  // Models against models: the same files on both sides, so nothing differs.
  return { ...planAll(from.schema, to.schema), unsupported: [] };
}

/**
 * The difference, with the unmanaged objects of `from` that its SQL would lose named as unsupported
 * (a trigger on a view it drops and creates again). Read only when the SQL recreates something.
 */
async function withLostObjects(difference: SchemaDifference, from: Driver, scope: Scope): Promise<SchemaDifference> {
  if (recreatedRelations(difference.changes).size === 0) return difference;
  const unmanaged = await readUnmanagedObjects(from, scope.introspect.schemas);
  const lost = objectsLostOnRecreate(difference.changes, unmanaged, difference.unsupported);
  return lost.length === 0 ? difference : { ...difference, unsupported: [...difference.unsupported, ...lost] };
}

/** What `revision --autogenerate` would write against this database. */
async function databaseToModels(driver: Driver, models: Schema, scope: Scope): Promise<SchemaDifference> {
  const { database, model, ...planned } = await schemaAgainstDatabase(models, scope.config, driver, { renames: scope.renames });
  return { ...planned, from: database, to: model, unsupported: [] };
}

/** The models given the database's spelling, then planned to it: what would undo that revision. */
async function modelsToDatabase(models: Schema, driver: Driver, scope: Scope): Promise<SchemaDifference> {
  const { database, model } = await schemaAgainstDatabase(models, scope.config, driver, { detectRenames: false });
  return { ...planAll(model, database, { renames: scope.renames.map(backwards) }), unsupported: [] };
}

/**
 * One side is `empty`: a database with nothing in it but its `public` schema (every new database
 * has one, so `CREATE SCHEMA public` would fail). The other side is planned against it as read;
 * nothing needs respelling, as nothing is compared with it. A database's unmanaged objects (its
 * functions, triggers) are named as unsupported: the SQL creates or drops none of them.
 */
async function againstEmpty(from: OpenSide, to: OpenSide, scope: Scope): Promise<SchemaDifference> {
  const fromRead = await readSide(from, scope);
  const toRead = await readSide(to, scope);
  const [left, right] = [from.kind === "empty" ? emptyBeside(toRead) : fromRead, to.kind === "empty" ? emptyBeside(fromRead) : toRead];
  const planned = planAll(left.schema, right.schema);
  const unsupported = [
    ...unmanagedDifferences(left.unmanaged, right.unmanaged),
    ...changesInInheritance(planned.changes, [...left.unmanaged, ...right.unmanaged]),
  ];
  return { ...planned, unsupported };
}

/** A side as read: its schema, and the objects tidemark does not manage. */
interface ReadSide {
  readonly schema: Schema;
  readonly unmanaged: readonly UnmanagedObject[];
}

async function readSide(side: OpenSide, scope: Scope): Promise<ReadSide> {
  switch (side.kind) {
    case "database":
      return { schema: await introspect(side.driver, scope.introspect), unmanaged: await readUnmanagedObjects(side.driver, scope.introspect.schemas) };
    case "models":
      return { schema: side.schema, unmanaged: [] };
    case "empty":
      return { schema: EMPTY_SCHEMA, unmanaged: [] };
    default: {
      const unknown: never = side;
      throw new Error(`unknown side ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * An empty database beside `other`: nothing, but `other`'s `public` schema as it is there (with its
 * comment and privileges, which differ between server versions and are not what `empty` is about).
 */
function emptyBeside(other: ReadSide): ReadSide {
  const publicSchema = other.schema.namespaces["public"];
  return {
    schema: publicSchema === undefined ? EMPTY_SCHEMA : { ...EMPTY_SCHEMA, namespaces: { public: publicSchema } },
    unmanaged: other.unmanaged.filter((object) => object.kind === "schema privileges" && object.name === "public"),
  };
}

function planAll(from: Schema, to: Schema, options: DiffOptions = {}): Omit<SchemaDifference, "unsupported"> {
  return { ...autogenerate({ from, to, ...options }), from, to };
}

/** A rename stated from the database to the models, read from the models to the database. */
function backwards(hint: RenameHint): RenameHint {
  return { from: hint.to, to: hint.from };
}
