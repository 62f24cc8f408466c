import { describe, expect, it } from "vitest";
import { InvalidUrlError } from "../../../src/driver/connection-errors.js";
import { parseConnectionUrl } from "../../../src/driver/connection-url.js";
import { redactUrl } from "../../../src/driver/redact-url.js";
import { FIXTURES, readJson } from "../../support/fixture-cases.js";

interface ParseCases {
  readonly valid: [string, unknown][];
  readonly invalid: [string, string][];
}

const parse = readJson<ParseCases>(`${FIXTURES}/urls`, "parse.json");
const redact = readJson<{ cases: [string, string][] }>(`${FIXTURES}/urls`, "redact.json").cases;

describe("parseConnectionUrl", () => {
  it.each(parse.valid)("%s", (url, target) => {
    expect(parseConnectionUrl(url, "/project")).toEqual(target);
  });

  it.each(parse.invalid)("%s is refused: %s", (url, reason) => {
    const attempt = () => parseConnectionUrl(url, "/project");
    expect(attempt).toThrow(InvalidUrlError);
    expect(attempt).toThrow(reason);
  });

  it("never puts the password in the error", () => {
    try {
      parseConnectionUrl("postgres://app:s3cret@db:99999/app", "/project");
      expect.unreachable("the URL should be refused");
    } catch (error) {
      expect(String((error as Error).message)).not.toContain("s3cret");
      expect((error as InvalidUrlError).url).not.toContain("s3cret");
    }
  });
});

describe("redactUrl", () => {
  it.each(redact)("%s prints as %s", (url, printed) => {
    expect(redactUrl(url)).toBe(printed);
  });
});
