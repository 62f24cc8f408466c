import { describe, expect, it } from "vitest";
import { InvalidConfigError } from "../../../src/config/config-errors.js";
import { parseDrizzleKitConfig, userConfigFromDrizzleKit, type DrizzleKitConfig } from "../../../src/config/drizzle-kit-config.js";
import { FIXTURES, readJson } from "../../support/fixture-cases.js";

interface Cases {
  readonly read: [unknown, Record<string, unknown>][];
  readonly invalid: [unknown, string][];
  readonly userConfig: [Partial<DrizzleKitConfig>, string[], Record<string, unknown>][];
}

const cases = readJson<Cases>(`${FIXTURES}/config`, "drizzle-kit.json");
const FILE = "/app/drizzle.config.ts";

/** The fields as JSON writes them: an absent value is null. */
function asJson(config: DrizzleKitConfig): Record<string, unknown> {
  const { file, ...fields } = config;
  expect(file).toBe(FILE);
  return JSON.parse(JSON.stringify(fields, (_key, value: unknown) => (value === undefined ? null : value))) as Record<string, unknown>;
}

describe("parseDrizzleKitConfig", () => {
  it.each(cases.read)("reads %j", (exported, expected) => {
    expect(asJson(parseDrizzleKitConfig(exported, FILE))).toEqual(expected);
  });

  it.each(cases.invalid)("refuses %j: %s", (exported, message) => {
    const attempt = () => parseDrizzleKitConfig(exported, FILE);
    expect(attempt).toThrow(InvalidConfigError);
    expect(attempt).toThrow(`Invalid config ${FILE}: ${message}.`);
  });
});

describe("userConfigFromDrizzleKit", () => {
  it.each(cases.userConfig)("maps %j (folders: %j)", (given, folders, expected) => {
    const config = { ...parseDrizzleKitConfig({}, FILE), ...given };
    expect(userConfigFromDrizzleKit(config, (path) => folders.includes(path))).toEqual(expected);
  });

  it("keeps tidemark's own migrations folder: drizzle-kit's `out` holds its SQL", () => {
    expect(userConfigFromDrizzleKit(parseDrizzleKitConfig({ out: "./migrations" }, FILE), () => false)).not.toHaveProperty("migrations");
  });
});
