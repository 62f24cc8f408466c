import type { Options } from "prettier";

/**
 * Prettier options for a migration file: the user's config as `resolvePrettierOptions` found it,
 * or `{}` for prettier's defaults. The parser is always TypeScript's, whatever it says.
 */
export type FormatOptions = Readonly<Omit<Options, "parser">>;
