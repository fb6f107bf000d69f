// Prisma's own codes for "cannot reach / lost the database", "no pool connection in time" and
// "could not start a transaction in time" (the pool is exhausted or the server is gone).
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
// Driver-adapter error kinds that mean the database, not the query, is the problem.
const ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TlsConnectionError",
]);
// SQLSTATEs: connection exceptions (08xxx), shutdown/restart in progress, too many connections.
const SQLSTATES = /^(08...|57P01|57P02|57P03|53300)$/;
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH"]);
// The last one is node-postgres's for a connection lost in the middle of a transaction.
const MESSAGES =
  /not currently accepting connections|Connection terminated|the database system is (starting up|shutting down)|timeout exceeded when trying to connect|has encountered a connection error and is not queryable/i;

interface ErrorLike {
  code?: unknown;
  kind?: unknown;
  originalCode?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: unknown } };
}

/**
 * Whether a failure means the database is unreachable (down, restarting, refusing connections)
 * rather than that a query was wrong. Such failures are a 503 the client can retry, not a 500.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as ErrorLike;
  if (
    typeof e.code === "string" &&
    (PRISMA_CODES.has(e.code) || SOCKET_CODES.has(e.code) || SQLSTATES.test(e.code))
  )
    return true;
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.originalCode === "string" && SQLSTATES.test(e.originalCode)) return true;
  if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  return (
    isDatabaseUnavailable(e.meta?.driverAdapterError?.cause, depth + 1) ||
    isDatabaseUnavailable(e.cause, depth + 1)
  );
}
