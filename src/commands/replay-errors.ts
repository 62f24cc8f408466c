import { parseConnectionUrl } from "../driver/connection-url.js";
import { TidemarkError } from "../errors/tidemark-error.js";
import type { MigrationFailedError } from "../runner/runner-errors.js";
import { describeShadow } from "./scratch-database.js";

/**
 * A migration failed while `check` or `diff` replayed the migrations on a scratch database. The message is
 * the runner's (it names the migration, its file and the statement); the hint says where it ran,
 * and, on the embedded PGlite, that a real server may run what PGlite cannot (an extension it
 * lacks, a server setting).
 */
export class ReplayFailedError extends TidemarkError {
  readonly hint: string;
  readonly revision: string;
  readonly file: string;
  /** Where the replay ran, fit to print (describeShadow). */
  readonly shadow: string;

  constructor(failure: MigrationFailedError, shadowUrl: string, root: string) {
    super(failure.message, { cause: failure });
    this.revision = failure.revision;
    this.file = failure.file;
    this.shadow = describeShadow(shadowUrl);
    this.hint = parseConnectionUrl(shadowUrl, root).backend === "embedded"
      ? `It ran on ${this.shadow}, which lacks some of a server's extensions and settings: if the migration needs one, ` +
        "give --shadow-url a PostgreSQL server where a scratch database can be made (or set TIDEMARK_SHADOW_URL); else fix the migration."
      : `It ran on ${this.shadow}, which has been dropped: fix the migration and run the command again.`;
  }
}
