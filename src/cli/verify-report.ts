import { relative } from "node:path";
import { summarizeChanges } from "../codegen/summarize-changes.js";
import type { Config } from "../config/config.js";
import type {
  HeadsCheck, ModelsCheck, SchemaMismatch, StepFailure, StepsCheck, UpgradeCheck, VerifyResult,
} from "../commands/verify-result.js";
import type { MigrationMeta } from "../runner/migration-meta.js";
import { readModelLocations } from "../model/model-locations.js";
import { differenceSection, sqlStatements } from "./report/difference-section.js";
import { plural } from "./report/report-summary.js";
import type { Report, ReportSection } from "./report/report.js";

/** The result as a report: one section per check, in the order they ran. */
export async function verifyReport(
  result: VerifyResult,
  config: Pick<Config, "root" | "schemaGlobs" | "migrationsDir" | "casing">,
  cwd: string,
): Promise<Report> {
  const name = (file: string) => relative(cwd, file) || file;
  const count = plural(result.revisions.length, "migration");
  const start = result.from === null ? "base" : result.from.revision;
  return {
    command: "verify",
    sections: [
      headsSection(result.heads, name(config.migrationsDir)),
      upgradeSection(`upgrade ${start} → head (${count})`, result.upgrade, result.shadow, name),
      await modelsSection(result.models, config),
      stepsSection(`every down undoes its up (${count})`, result.downgrade, name, "down", "leaves the schema different from before its up"),
      stepsSection("upgrade again to head", result.again, name, "up", "after its down gives a schema different from its first up"),
    ],
  };
}

function section(title: string, status: ReportSection["status"], detail: string | null): ReportSection {
  return { title, status, detail, items: [], sql: [], unsupported: [] };
}

function headsSection(check: HeadsCheck, migrationsDir: string): ReportSection {
  const title = "one head";
  switch (check.status) {
    case "ok":
      return section(title, "ok", `head: ${check.head}`);
    case "none":
      return section(title, "ok", `no migrations in ${migrationsDir}: nothing to verify`);
    case "failed":
      return section(title, "failed", `several heads: ${check.heads.join(", ")}; join them with \`tidemark merge heads -m "merge"\``);
    default: {
      const unknown: never = check;
      throw new Error(`unknown heads check ${JSON.stringify(unknown)}`);
    }
  }
}

type Name = (file: string) => string;

function upgradeSection(title: string, check: UpgradeCheck, shadow: string, name: Name): ReportSection {
  switch (check.status) {
    case "ok":
      return section(title, "ok", check.ran.length === 0 ? `nothing to run, on ${shadow}` : `ran ${check.ran.join(", ")} on ${shadow}`);
    case "failed":
      return section(title, "failed", failureLine(check.failure, name));
    case "skipped":
      return section(title, "skipped", check.reason);
    default: {
      const unknown: never = check;
      throw new Error(`unknown upgrade check ${JSON.stringify(unknown)}`);
    }
  }
}

async function modelsSection(check: ModelsCheck, config: Pick<Config, "root" | "schemaGlobs" | "casing">): Promise<ReportSection> {
  const title = "models match the schema at head";
  switch (check.status) {
    case "ok":
    case "changes": {
      const locations = await readModelLocations(config.root, config.schemaGlobs, { casing: config.casing });
      const found = differenceSection(title, check.comparison, (change) => locations.locate(change));
      const detail = check.status === "ok" ? null : "the models differ from what the migrations make: run `tidemark revision --autogenerate`";
      return { ...found, detail: found.detail ?? detail };
    }
    case "failed":
      return section(title, "failed", check.message);
    case "skipped":
      return section(title, "skipped", check.reason);
    default: {
      const unknown: never = check;
      throw new Error(`unknown models check ${JSON.stringify(unknown)}`);
    }
  }
}

function stepsSection(title: string, check: StepsCheck, name: Name, direction: "up" | "down", differs: string): ReportSection {
  switch (check.status) {
    case "ok":
      return section(title, "ok", check.ran.length === 0 ? "nothing to run" : `ran ${check.ran.join(", ")}`);
    case "changes": {
      // A difference here is a bug in a migration, whatever it drops: changes (2), never destructive
      // (3), and no reviewer's warnings, as nothing is to be applied. The SQL is what would undo the
      // difference: what the down is missing, for a down that leaves something behind.
      const found = differenceSection(title, check.mismatch);
      const detail = `${direction} of ${revisionName(check.mismatch.revision, name)} ${differs}: ${summary(check.mismatch)}`;
      const items = found.items.map((item) => ({ text: item.text, warnings: [], destructive: false, location: null }));
      return { ...found, status: "changes", detail, items, sql: sqlStatements(check.mismatch.plan.down) };
    }
    case "failed":
      return section(title, "failed", failureLine(check.failure, name));
    case "skipped":
      return section(title, "skipped", check.reason);
    default: {
      const unknown: never = check;
      throw new Error(`unknown steps check ${JSON.stringify(unknown)}`);
    }
  }
}

function revisionName(meta: Pick<MigrationMeta, "revision" | "file">, name: Name): string {
  return `${meta.revision} (${name(meta.file)})`;
}

/** `up of f000000000b2 (migrations/…_fails.ts) failed at INSERT INTO …: relation … does not exist`. */
function failureLine(failure: StepFailure, name: Name): string {
  const at = failure.statement === null ? "" : ` at ${abbreviate(failure.statement)}`;
  return `${failure.direction} of ${revisionName(failure, name)} failed${at}: ${failure.message}`;
}

/** The first few differences on one line; the items list them all. */
function summary(mismatch: SchemaMismatch): string {
  const lines = [...summarizeChanges(mismatch.changes), ...mismatch.unsupported];
  const shown = lines.slice(0, 3).join("; ");
  return lines.length > 3 ? `${shown}; and ${lines.length - 3} more` : shown;
}

function abbreviate(statement: string): string {
  const line = statement.replace(/\s+/g, " ").trim();
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}
