/**
 * `npm run test:corpus`: the external corpus in ../shared/corpus (before/after pairs from migra,
 * pg-schema-diff and Atlas), read in place. Each case is built on the PostgreSQL server and diffed
 * as `tidemark diff --from <before> --to <after>` does it; the SQL it prints is run on `before` with
 * psql (ready for psql), and a second diff must find nothing; then the down statements must give
 * back `before`. Each case is classified: converged, unsupported (a difference in an object kind
 * outside the IR, named), invalid input (a side that does not load), or failed.
 * Failures must be exactly the ones listed, with their reasons, in fixtures/corpus/known-failures.json.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openProject } from "../../src/commands/open-project.js";
import { connect } from "../../src/driver/connect.js";
import { runCase, type Outcome } from "./run-case.js";

const CORPUS = new URL("../../../shared/corpus/", import.meta.url).pathname;
const KNOWN = new URL("../../fixtures/corpus/known-failures.json", import.meta.url).pathname;
const SERVER_URL = process.env["TEST_DATABASE_URL"];
const WORKERS = 3;

if (!existsSync(CORPUS)) {
  console.log(`corpus: ${CORPUS} is absent; skipped.`);
  process.exit(0);
}
if (SERVER_URL === undefined) {
  console.log("corpus: TEST_DATABASE_URL is not set; skipped (the corpus runs on the PostgreSQL server).");
  process.exit(0);
}

const filter = process.argv[2];
const cases = readdirSync(CORPUS, { withFileTypes: true })
  .filter((source) => source.isDirectory())
  .flatMap((source) =>
    readdirSync(join(CORPUS, source.name), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${source.name}/${entry.name}`),
  )
  .filter((name) => filter === undefined || name.includes(filter))
  .sort();

await createRoles(SERVER_URL, cases);
// What `tidemark diff` opens in a folder with no config: the defaults, nothing from this checkout.
const projectDir = mkdtempSync(join(tmpdir(), "tidemark-corpus-"));
const project = await openProject({ cwd: projectDir, env: {} });
const outcomes = new Map<string, Outcome>();
let next = 0;
await Promise.all(
  Array.from({ length: WORKERS }, async () => {
    while (next < cases.length) {
      const index = next++;
      const name = cases[index] ?? "";
      outcomes.set(name, await runCase(SERVER_URL, join(CORPUS, name), index, project));
    }
  }),
);
rmSync(projectDir, { recursive: true, force: true });
report(outcomes);

/** roles.sql files create cluster-wide roles; "already exists" is fine. */
async function createRoles(url: string, names: readonly string[]): Promise<void> {
  const admin = await connect(url, process.cwd());
  for (const name of names) {
    const file = join(CORPUS, name, "roles.sql");
    if (!existsSync(file)) continue;
    for (const statement of readFileSync(file, "utf8").split(/;\s*\n/).filter((s) => s.trim() !== "")) {
      await admin.execute(statement).catch(() => undefined);
    }
  }
  await admin.close();
}

function report(results: ReadonlyMap<string, Outcome>): void {
  const known = existsSync(KNOWN) ? (JSON.parse(readFileSync(KNOWN, "utf8")) as { cases: Record<string, string> }).cases : {};
  const counts: Record<string, number> = { converged: 0, unsupported: 0, "invalid input": 0, failed: 0 };
  const unexpected: string[] = [];
  const lines: string[] = [];
  for (const [name, outcome] of [...results].sort(([a], [b]) => a.localeCompare(b))) {
    counts[outcome.result] = (counts[outcome.result] ?? 0) + 1;
    const detail = outcome.result === "unsupported" ? outcome.objects.join(", ") : "detail" in outcome ? outcome.detail : `${outcome.changes} changes`;
    lines.push(`${outcome.result.padEnd(13)} ${name}: ${detail}`);
    if (outcome.result === "failed" && !(name in known)) unexpected.push(`${name}: ${detail}`);
    if (outcome.result !== "failed" && name in known) unexpected.push(`${name}: listed as a known failure but ${outcome.result}; remove it from the list`);
  }
  if (process.env["CORPUS_REPORT"]) writeFileSync(process.env["CORPUS_REPORT"], `${lines.join("\n")}\n`);
  console.log(Object.entries(counts).map(([result, n]) => `${n} ${result}`).join(", "), `of ${results.size} cases`);
  for (const line of unexpected) console.log(`unexpected: ${line}`);
  console.log(`corpus: ${results.size - unexpected.length} passed, ${unexpected.length} failed`);
  process.exitCode = unexpected.length > 0 ? 1 : 0;
}
