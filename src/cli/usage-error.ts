import { TidemarkError } from "../errors/tidemark-error.js";

/** The command line itself is wrong: an unknown command or option, a missing value. */
export class UsageError extends TidemarkError {
  readonly hint: string;
  readonly detail: string;

  constructor(detail: string, command?: string) {
    super(detail);
    this.detail = detail;
    this.hint = command === undefined ? "Run `tidemark --help` for the commands." : `Run \`tidemark ${command} --help\` for its options.`;
  }
}
