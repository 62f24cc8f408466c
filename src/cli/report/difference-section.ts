import type { Change } from "../../diff/change.js";
import type { SchemaDifference } from "../../commands/compare-databases.js";
import type { SourceLocation } from "../../model/model-locations.js";
import type { ReportSection } from "./report.js";

/**
 * A section for two schemas compared: one item per change (its summary line, its warnings, whether
 * it drops data, where it is in the models), the up statements as SQL, the unsupported objects.
 * Status: ok when nothing differs, destructive when a change drops data, else changes.
 */
export function differenceSection(
  title: string,
  difference: Pick<SchemaDifference, "changes" | "plan" | "notes"> & { readonly unsupported?: readonly string[] },
  locate: (change: Change) => SourceLocation | null = () => null,
): ReportSection {
  void locate;
  // STUB: replaced by the report helper
  return { title, status: difference.changes.length === 0 ? "ok" : "changes", detail: null, items: [], sql: difference.plan.up.map((s) => `${s.sql};`), unsupported: difference.unsupported ?? [] };
}
