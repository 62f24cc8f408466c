import type { Output } from "./output.js";
import type { Progress } from "./progress.js";

/** A spinner on one terminal line: the time since it started (first, never cut off), then the phase. */
export interface Spinner extends Progress {
  /** Prints through `out`, clearing the spinner's line first so that no line is drawn over. */
  readonly out: Output;
  /** Runs `work` (a question to the person) with the spinner hidden, and shows it again after. */
  paused<T>(work: () => Promise<T>): Promise<T>;
  /** Clears the line and stops drawing; the command is done. */
  stop(): void;
}

/** Time and a repeating timer, injected so that a test can draw frames by hand. */
export interface SpinnerClock {
  now(): number;
  /** Calls `tick` every `ms` until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
}

export const REAL_CLOCK: SpinnerClock = {
  now: () => Date.now(),
  every(ms, tick) {
    const timer = setInterval(tick, ms);
    timer.unref(); // a spinner never keeps the process alive
    return () => clearInterval(timer);
  },
};

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
const INTERVAL_MS = 100;
/** Carriage return, then erase the whole line: the cursor is back at column 0 on an empty line. */
export const CLEAR_LINE = "\r\u001b[2K";

/**
 * Starts a spinner that writes to `write` (stderr, a terminal). Nothing shows until the first tick
 * after a phase is set, so a quick command never flashes one. `columns` keeps the line from
 * wrapping, which would leave a line behind that CLEAR_LINE cannot erase.
 */
export function startSpinner(write: (text: string) => void, out: Output, columns = 80, clock: SpinnerClock = REAL_CLOCK): Spinner {
  const started = clock.now();
  // A terminal that reports no width (0: some pseudo-terminals) is taken as 80 columns.
  const width = columns > 1 ? columns - 1 : 79;
  let phase: string | undefined;
  let frame = 0;
  let shown = false;
  let hidden = false;
  const clear = () => {
    if (shown) write(CLEAR_LINE);
    shown = false;
  };
  const draw = () => {
    if (phase === undefined || hidden) return;
    const line = `${FRAMES[frame % FRAMES.length] ?? ""} ${elapsed(clock.now() - started)}  ${phase}`;
    frame += 1;
    write(`${CLEAR_LINE}${[...line].slice(0, width).join("")}`);
    shown = true;
  };
  const cancel = clock.every(INTERVAL_MS, draw);
  return {
    phase(description) {
      phase = description;
      if (shown) draw();
    },
    out: {
      print: (text) => (clear(), out.print(text)),
      error: (text) => (clear(), out.error(text)),
    },
    async paused(work) {
      clear();
      hidden = true;
      try {
        return await work();
      } finally {
        hidden = false;
      }
    },
    stop() {
      cancel();
      clear();
    },
  };
}

/** `0.4s`, `12.0s`, `2m05s`. */
export function elapsed(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const whole = Math.floor(seconds);
  return `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, "0")}s`;
}
