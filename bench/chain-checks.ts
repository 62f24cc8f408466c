/** What `npm run bench:chain` checks before it trusts a figure: the work done is the work timed. */
import { isDeepStrictEqual } from "node:util";
import { expectedChainState, type ChainState } from "../test/support/chain-state.js";

/** The database holds every migration of the chain once, with its table, history row and final version. */
export function checkChainState(state: ChainState, revisions: readonly string[], what: string): void {
  const expected = expectedChainState(revisions, revisions.length);
  if (!isDeepStrictEqual(state, expected)) {
    const summary = (s: ChainState) => `version ${s.version.join(",")}, ${s.applied.size} applied, ${s.historyUps.size} history ups, ${s.tables.length} tables`;
    throw new Error(`${what} left ${summary(state)}; expected ${summary(expected)}`);
  }
}

/**
 * The offline script does what an online run does: one transaction per migration, each holding
 * the migration's statements, its version-row move and its history row.
 */
export function checkOfflineSql(sql: string, count: number): void {
  const blocks = [...sql.matchAll(/^BEGIN;\n([\s\S]*?)^COMMIT;$/gm)].map((match) => match[1] ?? "");
  if (blocks.length !== count) throw new Error(`the offline SQL has ${blocks.length} transactions for ${count} migrations`);
  blocks.forEach((block, i) => {
    const lines = block.split("\n");
    const history = lines.filter((line) => /^INSERT INTO public\.tidemark_history /.test(line)).length;
    const version = lines.filter((line) => /^(INSERT INTO|UPDATE) public\.tidemark_version /.test(line)).length;
    if (history !== 1 || version !== 1) throw new Error(`offline transaction ${i + 1} has ${history} history and ${version} version statements`);
  });
}
