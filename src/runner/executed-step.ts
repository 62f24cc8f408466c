/** A migration run: which, which way, and how long it took. */
export interface ExecutedStep {
  readonly revision: string;
  readonly direction: "up" | "down";
  readonly message: string;
  readonly file: string;
  readonly durationMs: number;
}
