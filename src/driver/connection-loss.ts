/**
 * SQLSTATEs of a session the server ended: admin_shutdown (pg_terminate_backend), crash_shutdown,
 * cannot_connect_now, and the connection_exception class.
 */
const ENDED_SESSION = new Set(["57P01", "57P02", "57P03", "08000", "08003", "08006"]);

/** Whether an error means the connection itself went away, rather than a statement failing. */
export function isConnectionLoss(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as Error & { code?: unknown }).code;
  if (typeof code === "string" && (ENDED_SESSION.has(code) || code === "ECONNRESET" || code === "EPIPE")) return true;
  return /^Connection terminated|connection (was )?(closed|ended)|Client has encountered a connection error/i.test(error.message);
}
