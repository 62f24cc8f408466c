import { describe, expect, it } from "vitest";
import { resolveDatabaseUrl } from "../../../src/config/database-url.js";

const FLAG = "postgres://flag@h/db";
const ENV = "postgres://env@h/db";
const FILE = "postgres://dotenv@h/db";
const CONFIG = "postgres://config@h/db";

describe("resolveDatabaseUrl: --url, DATABASE_URL, .env, config, embedded default", () => {
  it("takes --url over everything", () => {
    const inputs = { flag: FLAG, env: { DATABASE_URL: ENV }, envFile: { DATABASE_URL: FILE }, config: CONFIG };
    expect(resolveDatabaseUrl(inputs)).toEqual({ url: FLAG, source: "--url" });
  });

  it("takes the environment over .env and the config", () => {
    const inputs = { flag: undefined, env: { DATABASE_URL: ENV }, envFile: { DATABASE_URL: FILE }, config: CONFIG };
    expect(resolveDatabaseUrl(inputs)).toEqual({ url: ENV, source: "DATABASE_URL" });
  });

  it("takes .env over the config", () => {
    const inputs = { flag: undefined, env: {}, envFile: { DATABASE_URL: FILE }, config: CONFIG };
    expect(resolveDatabaseUrl(inputs)).toEqual({ url: FILE, source: ".env" });
  });

  it("takes the config when nothing else names a database", () => {
    const inputs = { flag: undefined, env: { DATABASE_URL: "" }, envFile: {}, config: CONFIG };
    expect(resolveDatabaseUrl(inputs)).toEqual({ url: CONFIG, source: "config" });
  });

  it("falls back to the embedded database under .tidemark/", () => {
    const inputs = { flag: undefined, env: {}, envFile: {}, config: null };
    expect(resolveDatabaseUrl(inputs)).toEqual({ url: "pglite://.tidemark/db", source: "embedded default" });
  });
});
