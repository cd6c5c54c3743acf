/**
 * Whether an error says "the database cannot be reached right now" (refused, reset, shutting down,
 * starting up, out of connections) rather than "this request went wrong". Such a request is answered
 * 503 with a Retry-After at once: the client can retry the same Idempotency-Key later, and nothing
 * was written (an append is one statement, so it either committed or it did not).
 */
const PG_CONNECTION_GONE = /^Connection terminated|timeout exceeded when trying to connect|^Client has encountered a connection error and is not queryable/;

export const isDatabaseOutage = (error: unknown): boolean => {
  const { code, message, driverError } = (error ?? {}) as { code?: unknown; message?: unknown; driverError?: unknown };
  // TypeORM wraps the driver's error; pg's own carries a SQLSTATE or a socket error code.
  if (driverError !== undefined && driverError !== error && isDatabaseOutage(driverError)) return true;
  if (typeof code === 'string') {
    return (
      ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH'].includes(code) ||
      code.startsWith('08') || // connection exception
      ['57P01', '57P02', '57P03', '53300'].includes(code) // admin or crash shutdown, starting up, too many connections
    );
  }
  // pg's own errors have no code: a connection that ended (or failed to start) under the request, or
  // one the server ended between two statements of a transaction (a shutdown's 57P01 reaches an idle
  // connection as an event, and the transaction's next statement is refused as "not queryable").
  return typeof message === 'string' && PG_CONNECTION_GONE.test(message);
};

/** Seconds a client should wait before retrying: about what a Postgres restart or failover takes. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
