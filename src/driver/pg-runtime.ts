import { createRequire } from "node:module";
import type pgModule from "pg";

/**
 * node-postgres, required rather than imported, with its start made cheaper on Node 20:
 * - its ESM entry only wraps the CommonJS build, whose export names Node would scan first;
 * - at load, its Cloudflare Workers check (lib/stream.js) reads `navigator.userAgent`, and where
 *   there is no `navigator` (Node 20; Node 21 and later define one) constructs a fetch `Response`,
 *   which loads Node's bundled undici: 20-40 ms of every server command, on the critical path. A
 *   `navigator` such as Node 21's is defined for the synchronous require and removed after it, so
 *   no other code ever sees it.
 */
export const pg: typeof pgModule = requireWithNodeNavigator("pg") as typeof pgModule;

function requireWithNodeNavigator(name: string): unknown {
  const require = createRequire(import.meta.url);
  if ("navigator" in globalThis) return require(name);
  Object.defineProperty(globalThis, "navigator", { value: { userAgent: `Node.js/${process.versions.node}` }, configurable: true, writable: true });
  try {
    return require(name);
  } finally {
    delete (globalThis as { navigator?: unknown }).navigator;
  }
}
