/**
 * Whether a failure says "the database is unreachable" rather than "this message cannot be
 * handled". An outage is waited out without counting attempts: parking good messages on the DLQ
 * because Postgres restarted would turn a blip into a manual replay.
 */
export const isOutage = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return /Connection terminated|timeout exceeded when trying to connect/i.test(String((error as Error)?.message));
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN'].includes(code) ||
    code.startsWith('08') || // connection exception
    code === '57P01' || // admin shutdown
    code === '57P02' || // crash shutdown
    code === '57P03' || // cannot connect now (starting up)
    code === '53300' // too many connections
  );
};
