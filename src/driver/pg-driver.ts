import type pgTypes from "pg";
import { pg } from "./pg-runtime.js";
import { ConnectionError, type ConnectionFailure } from "./connection-errors.js";
import { redactUrl } from "./redact-url.js";
import type { Driver, Queryable } from "./driver.js";
import { joinStatements } from "./join-statements.js";

const CONNECT_TIMEOUT_MS = 10_000;

/** A PostgreSQL server through node-postgres: one session, so advisory locks and SET hold. */
export async function connectServer(url: string): Promise<Driver> {
  const target = redactUrl(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle client whose server goes away emits 'error'; without a listener that kills the process.
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw toConnectionError(target, error);
  }
  return new PgDriver(client, target);
}

class PgDriver implements Driver {
  readonly backend = "server";

  constructor(
    private readonly client: pgTypes.Client,
    readonly target: string,
  ) {}

  async query<Row extends object>(sql: string, params: readonly unknown[] = []): Promise<readonly Row[]> {
    const result = await this.client.query<Row>(sql, [...params]);
    return result.rows;
  }

  async execute(sql: string): Promise<void> {
    await this.client.query(sql);
  }

  async queryBatch(statements: readonly string[]): Promise<readonly (readonly object[])[]> {
    if (statements.length === 0) return [];
    // node-postgres answers a message of several statements with one result each, of one with one result.
    const results = (await this.client.query(joinStatements(statements))) as unknown as pgTypes.QueryResult | pgTypes.QueryResult[];
    return (Array.isArray(results) ? results : [results]).map((result) => result.rows as object[]);
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    await this.client.query("BEGIN");
    try {
      const result = await work(this);
      await this.client.query("COMMIT");
      return result;
    } catch (error) {
      await this.client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

function toConnectionError(target: string, error: unknown): ConnectionError {
  const { code, message } = describe(error);
  return new ConnectionError(target, classify(code, message), message, error);
}

function describe(error: unknown): { code: string; message: string } {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  if (error instanceof Error) {
    const code = (error as Error & { code?: unknown }).code;
    return { code: typeof code === "string" ? code : "", message: error.message || String(code ?? "") };
  }
  return { code: "", message: String(error) };
}

function classify(code: string, message: string): ConnectionFailure {
  if (["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH"].includes(code)) {
    return "unreachable";
  }
  if (/timeout/i.test(message)) return "unreachable";
  if (code === "28P01" || code === "28000" || /SASL|password/i.test(message)) return "authentication";
  if (code === "3D000") return "missing-database";
  return "other";
}
