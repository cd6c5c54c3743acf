// The server side of the http-command case, in a process of its own so that autocannon (in the
// case's process) does not share its event loop. `ours`: enrolment (ROLE=api) registering a
// participant; `node-http`: raw node http + pg doing the rows of that command and nothing else.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { Pool } from 'pg';
import { EnrolmentAppModule } from '../../apps/enrolment/src/app.module';
import { createServiceApp } from '@alongside/platform/service-runtime';
import { createRawEventsTable } from '../store/subjects/raw-events-table';

type Started = { url: string; close: () => Promise<void> };

const ours = async (databaseUrl: string): Promise<Started> => {
  const env = { ...process.env, DATABASE_URL: databaseUrl, ROLE: 'api', LOG_LEVEL: 'warn', THROTTLE_LIMIT: 'off' };
  // The edge's per-person rate limit reads process.env itself; one bench user would hit it at once.
  process.env['THROTTLE_LIMIT'] = 'off';
  const app = await createServiceApp(EnrolmentAppModule.forRoot({ env }) as never);
  await app.listen(0, '127.0.0.1');
  return { url: `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`, close: () => app.close() };
};

/**
 * The limit: read the JSON body, write the command's two events (registered + sealed details) as
 * two rows of one INSERT … unnest, answer 201 with the id. No validation, auth, encryption or
 * expected version: what the machine does for the same request when nothing else is asked of it.
 */
const nodeHttp = async (databaseUrl: string): Promise<Started> => {
  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  await createRawEventsTable(pool);
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      const participantId = randomUUID();
      const stream = `enrolment.participant-${request.url?.split('/')[2]}-${participantId}`;
      const metadata = JSON.stringify({ siteId: 'bench', schemaVersion: 1, correlationId: participantId, actor: { sub: 'bench', role: 'clinician' }, occurredAt: new Date().toISOString() });
      pool
        .query(
          `INSERT INTO raw_events (stream_id, stream_position, event_id, type, data, metadata)
           SELECT $1, p, e, t, d::jsonb, $5::jsonb FROM unnest($2::bigint[], $3::uuid[], $4::text[], $6::text[]) AS r(p, e, t, d)`,
          [stream, [0, 1], [randomUUID(), randomUUID()], ['ParticipantRegistered', 'ParticipantDetailsRecorded'], metadata, [JSON.stringify({ participantId }), JSON.stringify({ participantId, details: body })]],
        )
        .then(
          () => {
            response.writeHead(201, { 'content-type': 'application/json' });
            response.end(JSON.stringify({ participantId }));
          },
          (error: Error) => {
            response.writeHead(500, { 'content-type': 'text/plain' });
            response.end(error.message);
          },
        );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
};

const main = async (): Promise<void> => {
  const [subject, databaseUrl] = process.argv.slice(2);
  const started = subject === 'ours' ? await ours(databaseUrl) : await nodeHttp(databaseUrl);
  process.once('message', () => void started.close().then(() => process.exit(0)));
  process.send?.({ url: started.url });
};

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
