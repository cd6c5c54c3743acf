// The errors pg really raises when Postgres goes away under a request, told apart as an outage.
// The unit spec covers their shapes; this one makes the driver produce them against a real server.
import { Pool, type PoolClient } from 'pg';
import { createTestDatabase, type TestDatabase } from '@alongside/platform/testing';
import { isDatabaseOutage } from './database-outage';
import { mapException } from './problem-details.filter';

let database: TestDatabase;
let pool: Pool;
let admin: Pool;

beforeAll(async () => {
  database = await createTestDatabase('database-outage');
  // As the services' pools are set up: a connection's own error event is not fatal to the process.
  pool = new Pool({ connectionString: database.url, max: 2 });
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  admin = new Pool({ connectionString: database.url, max: 1 });
});

afterAll(async () => {
  await pool.end();
  await admin.end();
  await database.drop();
});

/** Ends a borrowed connection's backend from the server's side, as a shutdown or crash does, and waits for the client to hear it. */
const endedByTheServer = async (client: PoolClient): Promise<void> => {
  const heard = new Promise((resolve) => client.once('error', resolve));
  const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
  await admin.query('select pg_terminate_backend($1)', [rows[0].pid]);
  await heard;
};

const failureOf = async (work: Promise<unknown>): Promise<unknown> => work.then(
  () => {
    throw new Error('expected the query to fail');
  },
  (error: unknown) => error,
);

describe('An outage pg reports under a request', () => {
  it('is an outage when the server ends a connection between two statements of a transaction', async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await endedByTheServer(client);
      // The next statement of the transaction: pg refuses it without a code of any kind.
      const error = await failureOf(client.query('select 1'));
      expect(error).toMatchObject({ message: 'Client has encountered a connection error and is not queryable' });
      expect(isDatabaseOutage(error)).toBe(true);
      expect(mapException(error)).toMatchObject({ status: 503, retryAfterSeconds: 5 });
    } finally {
      client.release(true);
    }
  });

  it('is an outage when the server ends a connection during a statement', async () => {
    const client = await pool.connect();
    try {
      const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
      const sleeping = failureOf(client.query('select pg_sleep(30)'));
      await admin.query('select pg_terminate_backend($1)', [rows[0].pid]);
      const error = await sleeping;
      expect(error).toMatchObject({ code: '57P01' });
      expect(isDatabaseOutage(error)).toBe(true);
    } finally {
      client.release(true);
    }
  });

  it('is still a request that went wrong when the server refuses the statement itself', async () => {
    const error = await failureOf(pool.query('select * from no_such_table'));
    expect(error).toMatchObject({ code: '42P01' });
    expect(isDatabaseOutage(error)).toBe(false);
    expect(mapException(error)).toMatchObject({ status: 500 });
  });
});
