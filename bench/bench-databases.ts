/**
 * The server databases of one size of `npm run bench`, made for it and dropped after whatever
 * happens: `schema` holds the synthetic schema at the migrations' head (revision, check's project
 * database and drizzle-kit pull read it), `empty` stays empty (revision from scratch).
 */
import { randomBytes } from "node:crypto";
import { connect } from "../src/driver/connect.js";
import { quoteIdent } from "../src/ir/quote.js";
import { withDatabase } from "../test/support/backends.js";

export interface BenchDatabases {
  readonly schemaUrl: string;
  readonly emptyUrl: string;
  readonly serverVersion: string;
}

export async function withBenchDatabases<T>(serverUrl: string, tables: number, work: (databases: BenchDatabases) => Promise<T>): Promise<T> {
  const admin = await connect(serverUrl, process.cwd());
  const stem = `tidemark_bench_${tables}_${randomBytes(4).toString("hex")}`;
  const names = [`${stem}_schema`, `${stem}_empty`] as const;
  try {
    const [row] = await admin.query<{ v: string }>("select current_setting('server_version') as v");
    for (const name of names) await admin.execute(`CREATE DATABASE ${quoteIdent(name)}`);
    const [schemaUrl, emptyUrl] = names.map((name) => withDatabase(serverUrl, name));
    if (schemaUrl === undefined || emptyUrl === undefined) throw new Error("unreachable: two names, two URLs");
    return await work({ schemaUrl, emptyUrl, serverVersion: (row?.v ?? "?").split(" ")[0] ?? "?" });
  } finally {
    for (const name of names) await admin.execute(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    await admin.close();
  }
}
