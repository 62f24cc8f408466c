import { TidemarkError } from "../errors/tidemark-error.js";

/** The catalog holds something the introspector's queries should have made impossible. */
export class UnexpectedCatalogError extends TidemarkError {
  readonly hint = "This is a tidemark bug: please report it with the output of `tidemark inspect --debug`.";
  readonly object: string;
  readonly detail: string;

  constructor(object: string, detail: string) {
    super(`Unexpected catalog entry for ${object}: ${detail}.`);
    this.object = object;
    this.detail = detail;
  }
}
