import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { enrolmentEventExamples } from '@alongside/enrolment/contracts';
import type { SiteId } from '@alongside/platform/event-sourcing';
import type { ConsumedEvent } from '@alongside/platform/messaging-kafka';
import { mintDevToken } from '@alongside/platform/security';
import { createServiceApp } from '@alongside/platform/service-runtime';
import { createTestDatabase, waitFor, type TestDatabase } from '@alongside/platform/testing';
import { HeardFacts } from '@alongside/sessions/application';
import { SessionsAppModule } from '../../../sessions/src/app.module';

/** The sessions service with its projections, no Kafka: groups and sessions made through its own routes. */
export const startSessions = async (clock: () => Date): Promise<{ app: INestApplication; database: TestDatabase }> => {
  const database = await createTestDatabase('companion-sessions');
  const app = await createServiceApp(SessionsAppModule.forRoot({ env: { ...process.env, DATABASE_URL: database.url, ROLE: 'projections' }, clock }) as never);
  await app.init();
  return { app, database };
};

const siteConfigured = (site: SiteId): ConsumedEvent => {
  const id = randomUUID();
  return {
    id,
    type: 'SiteConfigured',
    data: { ...enrolmentEventExamples.SiteConfigured.data, siteId: site, timeZone: 'Europe/London', payerRulesRef: 'standard@1' },
    metadata: { siteId: site, schemaVersion: 1, correlationId: id, causationId: id, actor: { sub: 'admin', role: 'platform-admin' }, occurredAt: '2025-01-06T15:00:00Z' },
    streamId: `enrolment.site-${site}-${id}`,
    streamPosition: 0n,
    globalPosition: 1n,
  } as unknown as ConsumedEvent;
};

/** A clinician-led group at `site` with `participantId` as a member and sessions at the given instants. */
export const groupWithSessions = async (app: INestApplication, site: SiteId, participantId: string, name: string, startsAt: readonly string[]) => {
  await app.get(HeardFacts).fromEnrolment.SiteConfigured(siteConfigured(site), undefined as never);
  const auth = `Bearer ${await mintDevToken({ roles: ['site-manager'], sites: [site] })}`;
  const http = () => request(app.getHttpServer());
  const { groupId } = (
    await http()
      .post(`/sites/${site}/groups`)
      .set('Authorization', auth)
      .send({
        name,
        kind: 'group-therapy',
        facilitator: { kind: 'clinician', id: randomUUID() },
        capacity: 10,
        location: 'Room 2, Riverside centre',
        schedule: { slots: [], startsOn: '2026-01-01', endsOn: null, exceptions: [] },
      })
      .expect(201)
  ).body;
  await http().post(`/sites/${site}/groups/${groupId}/members`).set('Authorization', auth).send({ participantId }).expect(201);
  for (const at of startsAt) await http().post(`/sites/${site}/groups/${groupId}/sessions`).set('Authorization', auth).send({ startsAt: at, durationMinutes: 90 }).expect(201);
  return groupId as string;
};

/** Until the projection shows the participant's sessions. */
export const upcomingFor = async (app: INestApplication, site: SiteId, participantId: string, atLeast: number) => {
  const auth = `Bearer ${await mintDevToken({ roles: ['participant'], sites: [site], participantId })}`;
  return waitFor(async () => {
    const response = await request(app.getHttpServer()).get(`/sites/${site}/participants/${participantId}/upcoming-sessions`).set('Authorization', auth);
    return response.status === 200 && response.body.length >= atLeast ? (response.body as { groupName: string; venue: string | null; startsAt: string }[]) : undefined;
  });
};
