/**
 * `jiti bench/cpu-profile-top.ts <file.cpuprofile> [count]`: the functions with the most self time
 * in a V8 CPU profile (`node --cpu-prof`), the self time per package or source folder, and the
 * total time (self and callees) of tidemark's own functions, to see where a CLI run's time goes. `npm run bench` writes such profiles with BENCH_CPU_PROF=<dir>.
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  readonly id: number;
  readonly children?: readonly number[];
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Where a script lives, short: `node_modules/<package>`, `dist/<folder>`, or the file itself. */
function place(url: string): string {
  if (url === "") return "(native / V8)";
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules?.[1] !== undefined) return `node_modules/${modules[1]}`;
  const own = /\/(dist|src)\/([^/]+)\//.exec(url);
  if (own?.[1] !== undefined && own[2] !== undefined) return `${own[1]}/${own[2]}`;
  return url.replace(/^file:\/\//, "");
}

function addTo(totals: Map<string, number>, key: string, ms: number): void {
  totals.set(key, (totals.get(key) ?? 0) + ms);
}

function top(totals: ReadonlyMap<string, number>, count: number, all: number): string[] {
  return [...totals].sort((a, b) => b[1] - a[1]).slice(0, count).map(([key, ms]) => `${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / all).toFixed(1).padStart(5)}%  ${key}`);
}

function frameKey(node: ProfileNode): string {
  const frame = node.callFrame;
  return `${frame.functionName || "(anonymous)"}  ${place(frame.url)}:${frame.lineNumber + 1}`;
}

/** Per function of dist/ or src/: the time of the samples with it anywhere on the stack. */
function ownTotals(profile: CpuProfile, byId: ReadonlyMap<number, ProfileNode>): Map<string, number> {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (node === undefined || !/\/(dist|src)\//.test(node.callFrame.url) || node.callFrame.url.includes("node_modules")) continue;
      seen.add(frameKey(node));
    }
    for (const key of seen) addTo(totals, key, (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return totals;
}

const [file, countText] = process.argv.slice(2);
if (file === undefined) throw new Error("usage: cpu-profile-top.ts <file.cpuprofile> [count]");
const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const functions = new Map<string, number>();
const places = new Map<string, number>();
let all = 0;
profile.samples.forEach((id, i) => {
  const frame = byId.get(id)?.callFrame;
  const ms = (profile.timeDeltas[i] ?? 0) / 1000;
  all += ms;
  if (frame === undefined) return;
  addTo(functions, frameKey(byId.get(id) as ProfileNode), ms);
  addTo(places, place(frame.url), ms);
});
const count = Number(countText ?? 25);
console.log(`${file}: ${all.toFixed(0)} ms sampled\n\nself time by function:\n${top(functions, count, all).join("\n")}`);
console.log(`\nself time by package or folder:\n${top(places, 15, all).join("\n")}`);
console.log(`\ntotal time of tidemark's functions (with callees):\n${top(ownTotals(profile, byId), count, all).join("\n")}`);
