import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { enrolmentEventExamples } from '@alongside/enrolment/contracts';
import { EnrolmentListener, MentoringListener, OutcomesModule } from '@alongside/outcomes/application';
import { outcomesUpcasters } from '@alongside/outcomes/contracts';
import type { SiteId } from '@alongside/platform/event-sourcing';
import type { ConsumedEvent } from '@alongside/platform/messaging-kafka';
import { createServiceApp, ServiceRuntimeModule } from '@alongside/platform/service-runtime';
import { createTestDatabase, type TestDatabase } from '@alongside/platform/testing';
import { Module } from '@nestjs/common';

/** The outcomes routes the companion talks to, on a fresh database (no relay, consumers or projections). */
export const startOutcomes = async (clock: () => Date): Promise<{ app: INestApplication; database: TestDatabase }> => {
  const database = await createTestDatabase('companion-e2e');
  const env = { ...process.env, DATABASE_URL: database.url, ROLE: 'api' };
  @Module({ imports: [ServiceRuntimeModule.forRoot({ context: 'outcomes', upcasters: outcomesUpcasters, env }), OutcomesModule.forRoot({ clock })] })
  class CompanionOutcomesModule {}
  const app = await createServiceApp(CompanionOutcomesModule as never);
  await app.init();
  return { app, database };
};

/** Admits a participant as if enrolment's `Enrolled` had been heard from Kafka. */
export const admit = async (app: INestApplication, site: SiteId, participantId: string = randomUUID(), admittedOn = '2026-01-05'): Promise<string> => {
  const id = randomUUID();
  const example = (enrolmentEventExamples as Record<string, { data: Record<string, unknown> }>)['Enrolled'].data;
  const event = {
    id,
    type: 'Enrolled',
    data: { ...example, siteId: site, participantId, episodeId: randomUUID(), admittedOn, transferredFrom: null },
    metadata: { siteId: site, schemaVersion: 1, correlationId: id, causationId: id, actor: { sub: 'enrolment', role: 'clinician' }, occurredAt: `${admittedOn}T10:00:00Z` },
    streamId: `enrolment.participant-${site}-${participantId}`,
    streamPosition: 0n,
    globalPosition: 1n,
    origin: { topic: 'test', partition: 0, offset: '0' },
  } as unknown as ConsumedEvent;
  await app.get(EnrolmentListener).handlers.Enrolled(event, undefined as never);
  return participantId;
};

/** As if mentoring's `MatchAccepted` and `ContactLogged` had been heard: a mentor, and when they last met. */
export const hearMentorContact = async (app: INestApplication, site: SiteId, participantId: string, contactAt: string): Promise<void> => {
  const matchId = randomUUID();
  const mentorId = randomUUID();
  const heard = (type: string, data: Record<string, unknown>) => {
    const id = randomUUID();
    return {
      id,
      type,
      data,
      metadata: { siteId: site, schemaVersion: 1, correlationId: id, causationId: id, actor: { sub: 'mentor', role: 'peer-mentor' }, occurredAt: contactAt },
      streamId: `mentoring.match-${site}-${matchId}`,
      streamPosition: 0n,
      globalPosition: 1n,
      origin: { topic: 'test', partition: 0, offset: '0' },
    } as unknown as ConsumedEvent;
  };
  const listener = app.get(MentoringListener);
  await listener.handlers.MatchAccepted(heard('MatchAccepted', { matchId, mentorId, participantId, acceptedAt: contactAt }), undefined as never);
  await listener.handlers.ContactLogged(
    heard('ContactLogged', { contactId: randomUUID(), matchId, mentorId, participantId, kind: 'in-person', minutes: 40, contactAt, billing: null, hasNote: false }),
    undefined as never,
  );
};
