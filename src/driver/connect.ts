import { parseConnectionUrl } from "./connection-url.js";
import type { Driver } from "./driver.js";

/**
 * Opens the database a URL names; `baseDir` anchors relative `pglite://` data directories. Each
 * backend's driver is imported when used: a server run never loads PGlite (a WebAssembly build
 * and its extensions), an embedded run never loads pg.
 */
export async function connect(url: string, baseDir: string): Promise<Driver> {
  const target = parseConnectionUrl(url, baseDir);
  switch (target.backend) {
    case "server":
      return (await import("./pg-driver.js")).connectServer(target.url);
    case "embedded":
      return (await import("./pglite-driver.js")).openEmbedded(target.dataDir);
    default: {
      const unknown: never = target;
      throw new Error(`unknown connection target ${JSON.stringify(unknown)}`);
    }
  }
}

/** Runs `work` connected to `url`, and closes the connection whatever happens. */
export async function withConnection<T>(url: string, baseDir: string, work: (driver: Driver) => Promise<T>): Promise<T> {
  const driver = await connect(url, baseDir);
  try {
    return await work(driver);
  } finally {
    await driver.close();
  }
}
