import { describe, expect, it } from "vitest";
import type { Output } from "../../../src/cli/output.js";
import { NO_PROGRESS, spinnerWanted } from "../../../src/cli/progress.js";
import { CLEAR_LINE, elapsed, startSpinner, type SpinnerClock } from "../../../src/cli/spinner.js";

/** One stream, as a terminal shows it: stderr writes, and stdout/stderr lines, in order. */
function terminal() {
  const log: string[] = [];
  const out: Output = { print: (text) => log.push(`out:${text}`), error: (text) => log.push(`err:${text}`) };
  let now = 0;
  let tick: (() => void) | undefined;
  let cancelled = false;
  const clock: SpinnerClock = {
    now: () => now,
    every: (_ms, callback) => ((tick = callback), () => (cancelled = true)),
  };
  const advance = (ms: number) => {
    now += ms;
    tick?.();
  };
  return { log, out, clock, advance, write: (text: string) => log.push(`raw:${text}`), cancelled: () => cancelled };
}

describe("startSpinner", () => {
  it("draws nothing before a phase is set, then the phase and the elapsed time on each tick", () => {
    const t = terminal();
    const spinner = startSpinner(t.write, t.out, 80, t.clock);
    t.advance(100);
    expect(t.log).toEqual([]);
    spinner.phase("reading the config");
    expect(t.log).toEqual([]); // not shown yet: a quick command never flashes a spinner
    t.advance(1100);
    expect(t.log).toEqual([`raw:${CLEAR_LINE}⠋ 1.2s  reading the config`]);
    spinner.phase("replaying the migrations");
    expect(t.log.at(-1)).toBe(`raw:${CLEAR_LINE}⠙ 1.2s  replaying the migrations`);
  });

  it("clears its line before any line is printed, on stdout or stderr, and on stop", () => {
    const t = terminal();
    const spinner = startSpinner(t.write, t.out, 80, t.clock);
    spinner.phase("working");
    t.advance(100);
    spinner.out.print("a result");
    spinner.out.error("warning: something");
    t.advance(100);
    spinner.stop();
    expect(t.log).toEqual([
      `raw:${CLEAR_LINE}⠋ 0.1s  working`,
      `raw:${CLEAR_LINE}`,
      "out:a result",
      "err:warning: something",
      `raw:${CLEAR_LINE}⠙ 0.2s  working`,
      `raw:${CLEAR_LINE}`,
    ]);
    expect(t.cancelled()).toBe(true);
  });

  it("hides while a question is asked, and cuts its line one short of the terminal's width (a full line would wrap)", async () => {
    const t = terminal();
    const spinner = startSpinner(t.write, t.out, 12, t.clock);
    spinner.phase("a long phase description");
    t.advance(100);
    expect(t.log).toEqual([`raw:${CLEAR_LINE}⠋ 0.1s  a l`]);
    const answer = await spinner.paused(async () => {
      t.advance(100);
      return "y";
    });
    expect(answer).toBe("y");
    expect(t.log).toEqual([`raw:${CLEAR_LINE}⠋ 0.1s  a l`, `raw:${CLEAR_LINE}`]);
    t.advance(100);
    expect(t.log).toHaveLength(3);
  });
});

describe("startSpinner on a terminal that reports no width", () => {
  it("draws 79 columns", () => {
    const t = terminal();
    const spinner = startSpinner(t.write, t.out, 0, t.clock);
    spinner.phase("x".repeat(100));
    t.advance(100);
    expect(t.log).toEqual([`raw:${CLEAR_LINE}⠋ 0.1s  ${"x".repeat(71)}`]);
  });
});

describe("elapsed", () => {
  it("shows tenths of a second under a minute, then minutes and seconds", () => {
    expect(elapsed(0)).toBe("0.0s");
    expect(elapsed(12_340)).toBe("12.3s");
    expect(elapsed(125_000)).toBe("2m05s");
  });
});

describe("spinnerWanted", () => {
  it("only on a terminal stderr and outside CI", () => {
    expect(spinnerWanted(true, {})).toBe(true);
    expect(spinnerWanted(false, {})).toBe(false);
    expect(spinnerWanted(true, { CI: "true" })).toBe(false);
    expect(spinnerWanted(true, { CI: "" })).toBe(true);
    expect(spinnerWanted(true, { TERM: "dumb" })).toBe(false);
    expect(spinnerWanted(true, { TERM: "xterm-256color" })).toBe(true);
    expect(() => NO_PROGRESS.phase("anything")).not.toThrow();
  });
});
