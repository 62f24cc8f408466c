import { TidemarkError } from "../errors/tidemark-error.js";
import { redactUrl } from "./redact-url.js";

export class InvalidUrlError extends TidemarkError {
  readonly hint = "Use postgres://user@host:5432/dbname, pglite://<dir> or pglite://memory.";
  readonly url: string;
  readonly reason: string;

  constructor(url: string, reason: string) {
    super(`Invalid database URL '${redactUrl(url)}': ${reason}.`);
    this.url = redactUrl(url);
    this.reason = reason;
  }
}

export type ConnectionFailure = "unreachable" | "authentication" | "missing-database" | "embedded-open" | "other";

/** The database could not be reached or refused us; `target` never holds a password. */
export class ConnectionError extends TidemarkError {
  readonly target: string;
  readonly failure: ConnectionFailure;
  readonly detail: string;

  constructor(target: string, failure: ConnectionFailure, detail: string, cause?: unknown) {
    super(`Cannot connect to ${target}: ${detail}`, { cause });
    this.target = target;
    this.failure = failure;
    this.detail = detail;
  }

  get hint(): string {
    switch (this.failure) {
      case "unreachable":
        return "Check that the server is running and that the host and port in the URL are right.";
      case "authentication":
        return "Check the user name and password in the URL (or in DATABASE_URL).";
      case "missing-database":
        return "Create the database first (createdb, or CREATE DATABASE), or fix its name in the URL.";
      case "embedded-open":
        return "Check that the data directory is readable and writable and is not a server's data directory.";
      case "other":
        return "Check the URL and the server's log.";
      default: {
        const unreachable: never = this.failure;
        return unreachable;
      }
    }
  }
}

/** Another process has the embedded data directory open; PGlite cannot share it. */
export class DataDirectoryInUseError extends TidemarkError {
  readonly dataDir: string;
  readonly lockFile: string;
  readonly pid: number | null;
  readonly host: string | null;

  constructor(dataDir: string, lockFile: string, pid: number | null, host: string | null) {
    const owner = pid === null ? "another process" : `process ${pid}${host === null ? "" : ` on ${host}`}`;
    super(`The embedded database pglite://${dataDir} is in use by ${owner}`);
    this.dataDir = dataDir;
    this.lockFile = lockFile;
    this.pid = pid;
    this.host = host;
  }

  get hint(): string {
    return `Wait for it to finish, or stop it; if no process uses the directory, delete ${this.lockFile}.`;
  }
}
