import { randomUUID } from 'node:crypto';
import { Module, type INestApplication } from '@nestjs/common';
import { Pool } from 'pg';
import { CompanionListener, MentoringModule } from '@alongside/mentoring/application';
import { mentoringUpcasters } from '@alongside/mentoring/contracts';
import type { MentorContactRequested } from '@alongside/outcomes/contracts';
import type { SiteId } from '@alongside/platform/event-sourcing';
import type { ConsumedEvent } from '@alongside/platform/messaging-kafka';
import { createServiceApp, ServiceRuntimeModule } from '@alongside/platform/service-runtime';
import { createTestDatabase, type TestDatabase } from '@alongside/platform/testing';

/** Mentoring's routes on a fresh database, no Kafka: what it hears is handed to its listener. */
export const startMentoring = async (clock: () => Date): Promise<{ app: INestApplication; database: TestDatabase }> => {
  const database = await createTestDatabase('companion-mentoring-ui');
  const env = { ...process.env, DATABASE_URL: database.url, ROLE: 'api' };
  @Module({ imports: [ServiceRuntimeModule.forRoot({ context: 'mentoring', upcasters: mentoringUpcasters, env }), MentoringModule.forRoot({ clock, sweepIntervalMs: 0 })] })
  class MentoringUnderTest {}
  const app = await createServiceApp(MentoringUnderTest as never);
  await app.init();
  return { app, database };
};

/** As if outcomes' `MentorContactRequested` had been heard, in the consumer's transaction. */
export const hearContactRequest = async (app: INestApplication, databaseUrl: string, site: SiteId, participantId: string, requestedAt: string) => {
  const id = randomUUID();
  const data: MentorContactRequested['data'] = { requestId: randomUUID(), participantId, requestedAt };
  const event = {
    id,
    type: 'MentorContactRequested',
    data,
    metadata: { siteId: site, schemaVersion: 1, correlationId: id, causationId: id, actor: { sub: 'p', role: 'participant' }, occurredAt: requestedAt },
    streamId: `outcomes.check-ins-${site}-${participantId}`,
    streamPosition: 0n,
    globalPosition: 1n,
  } as unknown as ConsumedEvent;
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  const tx = await pool.connect();
  try {
    await tx.query('begin');
    await app.get(CompanionListener).handlers.MentorContactRequested(event, tx);
    await tx.query('commit');
  } finally {
    tx.release();
    await pool.end();
  }
};
