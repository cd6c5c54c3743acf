import { QueryFailedError } from 'typeorm';
import { isDatabaseOutage } from './database-outage';
import { mapException } from './problem-details.filter';

// Shaped as pg reports them: a socket error code, or a SQLSTATE on a DatabaseError.
const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('A database outage', () => {
  it('is told apart from a request that went wrong', () => {
    expect(isDatabaseOutage(pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'))).toBe(true);
    expect(isDatabaseOutage(pgError('57P01', 'terminating connection due to administrator command'))).toBe(true);
    expect(isDatabaseOutage(pgError('57P03', 'the database system is starting up'))).toBe(true);
    expect(isDatabaseOutage(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseOutage(new Error('Client has encountered a connection error and is not queryable'))).toBe(true);
    expect(isDatabaseOutage(new QueryFailedError('select 1', [], pgError('57P01')))).toBe(true);

    expect(isDatabaseOutage(pgError('23505', 'duplicate key value violates unique constraint'))).toBe(false);
    expect(isDatabaseOutage(new QueryFailedError('select 1', [], pgError('42P01')))).toBe(false);
    expect(isDatabaseOutage(new Error('boom'))).toBe(false);
    expect(isDatabaseOutage(undefined)).toBe(false);
  });

  it('is answered 503 with a retry hint, and hides the driver message', () => {
    const mapped = mapException(pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:54329'));
    expect(mapped).toMatchObject({ status: 503, retryAfterSeconds: 5 });
    expect(mapped.detail).not.toContain('127.0.0.1');
    expect(mapException(new Error('boom'))).toEqual({ status: 500, detail: expect.any(String) });
  });
});
