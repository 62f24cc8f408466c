/** The process exit codes, the same for every command. */
export const EXIT = {
  ok: 0,
  error: 1,
  /** check/diff: changes or drift found. */
  changes: 2,
  /** Destructive changes that were not allowed. */
  destructive: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
