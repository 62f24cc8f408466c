/** The markdown table of one size: tidemark's stages and CLI runs beside drizzle-kit's, with ratios. */
import { divide, markdownTable, mibOf, ms, ratio } from "./bench-format.js";
import type { Measured } from "./measure.js";
import type { SizeResult } from "./size-result.js";
import { STAGES } from "./stage-runs.js";

const HEADER = ["measure", "tidemark", "drizzle-kit", "tidemark / drizzle-kit", "tidemark peak memory", "drizzle-kit peak memory", "memory ratio"];

function pair(label: string, ours: Measured, theirs: Measured | null, theirLabel: string): readonly string[] {
  return [
    label,
    ms(ours.wallMs),
    theirs === null ? "—" : `${ms(theirs.wallMs)} (${theirLabel})`,
    ratio(divide(ours.wallMs, theirs?.wallMs ?? null)),
    mibOf(ours.peakKiB),
    theirs === null ? "—" : mibOf(theirs.peakKiB),
    ratio(divide(ours.peakKiB, theirs?.peakKiB ?? null)),
  ];
}

function stageRows(result: SizeResult): readonly (readonly string[])[] {
  const { statements } = result.stages;
  return STAGES.map((stage) => {
    const count = stage === "introspection" ? `, ${statements.server} statements` : stage === "introspection (embedded)" ? `, ${statements.embedded} statements` : "";
    return [`stage: ${stage}${count}`, ms(result.stages.ms[stage]), "", "", "", "", ""];
  });
}

export function sizeTable(result: SizeResult): string {
  const { tidemark, drizzleKit } = result;
  const rows = [
    ...stageRows(result),
    pair("revision --autogenerate, one column added (server)", tidemark.revisionServer, drizzleKit.generateOneColumn, "generate"),
    pair("revision --autogenerate, one column added (embedded, unchanged database)", tidemark.revisionEmbedded, drizzleKit.generateOneColumn, "generate"),
    pair("revision --autogenerate, one column added (embedded, right after upgrade head)", tidemark.revisionEmbeddedAfterUpgrade, drizzleKit.generateOneColumn, "generate"),
    pair("revision --autogenerate, one column added (embedded, saved reads dropped)", tidemark.revisionEmbeddedFirstRead, drizzleKit.generateOneColumn, "generate"),
    pair("upgrade head, one migration (embedded, saved reads sent again)", tidemark.upgradeOneEmbedded, null, ""),
    pair("revision --autogenerate from scratch (server)", tidemark.revisionFromScratch, drizzleKit.generateFromScratch, "generate"),
    pair("check, unchanged project", tidemark.check, null, ""),
  ];
  if (drizzleKit.pull !== null) {
    const introspection = result.stages.ms.introspection;
    const pull = drizzleKit.pull;
    const faster = `${ratio(introspection / pull.wallMs)} (pull ${ratio(pull.wallMs / introspection)} slower)`;
    rows.push(["stage: introspection (server) vs pull", ms(introspection), `${ms(pull.wallMs)} (pull)`, faster, "", mibOf(pull.peakKiB), ""]);
  }
  const runs = tidemark.revisionServer.runs;
  return [`### ${result.tables.toLocaleString("en-US")} tables (${(result.tables * 12).toLocaleString("en-US")} columns), medians of ${runs}`, "", markdownTable(HEADER, rows)].join("\n");
}
