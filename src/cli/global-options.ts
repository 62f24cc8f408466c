import type { OptionSpecs } from "./command-spec.js";

/** Options every command takes. */
export const GLOBAL_OPTIONS: OptionSpecs = {
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "V" },
  debug: { type: "boolean" },
  config: { type: "string", short: "c" },
};

/** The `--help` lines of the global options. */
export const GLOBAL_HELP: readonly string[] = [
  "--config FILE       the config file (default: generator.config.ts)",
  "--debug             print stack traces with errors",
  "-h, --help          this help",
];
