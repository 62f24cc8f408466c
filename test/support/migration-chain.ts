import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { quoteLiteral } from "../../src/ir/quote.js";

/** A project folder holding a linear chain of generated migrations, and its revisions in order. */
export interface MigrationChain {
  readonly dir: string;
  readonly revisions: readonly string[];
  dispose(): void;
}

export interface ChainOptions {
  /** Seconds each migration sleeps (pg_sleep), so that a run lasts long enough to interrupt. */
  readonly sleepSeconds?: number;
}

/**
 * `count` migrations, each creating a table `chain_<n>` and inserting its revision into
 * `chain_applied` (no key: a migration applied twice shows as two rows, never as an error).
 */
export function migrationChain(count: number, options: ChainOptions = {}): MigrationChain {
  const dir = mkdtempSync(join(tmpdir(), "tidemark-chain-"));
  mkdirSync(join(dir, "migrations"));
  const revisions = Array.from({ length: count }, (_, i) => `c${String(i + 1).padStart(11, "0")}`);
  revisions.forEach((revision, i) => {
    const file = `20260101_${String(i).padStart(4, "0")}_${revision}_step_${i + 1}.ts`;
    writeFileSync(join(dir, "migrations", file), migrationSource(revision, revisions[i - 1] ?? null, i + 1, options.sleepSeconds ?? 0));
  });
  return { dir, revisions, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

function migrationSource(revision: string, revises: string | null, n: number, sleepSeconds: number): string {
  const statements = [
    ...(revises === null ? ["CREATE TABLE public.chain_applied (revision text NOT NULL, at timestamptz NOT NULL DEFAULT now())"] : []),
    ...(sleepSeconds > 0 ? [`SELECT pg_sleep(${sleepSeconds})`] : []),
    `CREATE TABLE public.chain_${n} (id int)`,
    `INSERT INTO public.chain_applied (revision) VALUES (${quoteLiteral(revision)})`,
  ];
  const undo = [
    `DELETE FROM public.chain_applied WHERE revision = ${quoteLiteral(revision)}`,
    `DROP TABLE public.chain_${n}`,
    ...(revises === null ? ["DROP TABLE public.chain_applied"] : []),
  ];
  const calls = (list: readonly string[]) => list.map((sql) => `  await db.execute(${JSON.stringify(sql)});`).join("\n");
  return [
    `/** Step ${n} of a generated chain. */`,
    `export const revision = ${JSON.stringify(revision)};`,
    `export const revises = ${JSON.stringify(revises)};`,
    ``,
    `export async function up(db: { execute(sql: string): Promise<void> }): Promise<void> {`,
    calls(statements),
    `}`,
    ``,
    `export async function down(db: { execute(sql: string): Promise<void> }): Promise<void> {`,
    calls(undo),
    `}`,
    ``,
  ].join("\n");
}
