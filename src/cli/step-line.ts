import type { ExecutedStep } from "../runner/execute-steps.js";

/** One line per migration as it runs: direction, revision, message, duration. */
export function stepLine(step: ExecutedStep): string {
  const verb = step.direction === "up" ? "upgrade  " : "downgrade";
  return `${verb} ${step.revision}  ${step.message || "(no message)"}  (${step.durationMs} ms)`;
}
