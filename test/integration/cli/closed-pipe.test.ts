import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

const CLI = new URL("../../../dist/cli/main.js", import.meta.url).pathname;

/** `tidemark … | head`: the reader goes away before tidemark has written everything. */
describe("stdout closed by its reader", () => {
  it("ends quietly, without Node's EPIPE stack on stderr", async () => {
    const child = spawn(process.execPath, [CLI, "--help"], { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy(); // closed before the CLI writes its first line
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });
});
