import { TidemarkError } from "../errors/tidemark-error.js";

export class ConfigNotFoundError extends TidemarkError {
  readonly hint = "Check the path given to --config, or run `tidemark init` to create a config.";
  readonly file: string;

  constructor(file: string) {
    super(`Config file not found: ${file}`);
    this.file = file;
  }
}

/** The config file exists but importing it failed: a syntax error, a throw, a missing import. */
export class ConfigLoadError extends TidemarkError {
  readonly hint = "Fix the config file so that it imports cleanly (run it with --debug for the stack).";
  readonly file: string;
  readonly detail: string;

  constructor(file: string, detail: string, cause: unknown) {
    super(`Cannot load config ${file}: ${detail}`, { cause });
    this.file = file;
    this.detail = detail;
  }
}

/** The config loaded but a key holds the wrong kind of value. */
export class InvalidConfigError extends TidemarkError {
  readonly hint = "See docs/config.md for every key and its type.";
  readonly file: string;
  readonly key: string;
  readonly expected: string;

  constructor(file: string, key: string, expected: string) {
    super(`Invalid config ${file}: '${key}' must be ${expected}.`);
    this.file = file;
    this.key = key;
    this.expected = expected;
  }
}
