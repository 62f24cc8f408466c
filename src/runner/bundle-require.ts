import { createRequire } from "node:module";

/** The part of jiti's API used here, loaded only when a package needs it (most runs never do). */
type JitiRequire = (id: string) => unknown;
type CreateJiti = (parent: string, options: { readonly moduleCache: boolean; readonly fsCache: boolean }) => JitiRequire;

/**
 * The `require` a migration bundle's package imports go through, resolving from the bundle's folder
 * (the migrations folder). Node's own require first; an ES module package that it cannot require
 * (Node before 20.19, or top-level await) goes through jiti, as every package import did before
 * migrations were bundled.
 */
export function bundleRequire(filename: string): (id: string) => unknown {
  const native = createRequire(filename);
  let jiti: JitiRequire | undefined;
  return (id) => {
    try {
      return native(id);
    } catch (error) {
      const code = (error as { readonly code?: unknown }).code;
      if (code !== "ERR_REQUIRE_ESM" && code !== "ERR_REQUIRE_ASYNC_MODULE") throw error;
      jiti ??= (createRequire(import.meta.url)("jiti") as { readonly createJiti: CreateJiti }).createJiti(filename, { moduleCache: false, fsCache: false });
      return jiti(id);
    }
  };
}
