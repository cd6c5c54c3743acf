import { randomUUID } from 'node:crypto';
import { enrolmentEventExamples } from '@alongside/enrolment/contracts';
import { siteId, type SiteId } from '@alongside/platform/event-sourcing';
import type { ConsumedEvent } from '@alongside/platform/messaging-kafka';
import { describeSiteWall } from '@alongside/platform/service-runtime/test-kit';
import { HeardFacts } from '@alongside/sessions/application';
import { GroupRow } from '@alongside/sessions/read-models';
import { SessionsAppModule } from '../app.module';

// The second wall between sites (DESIGN §7) in the running sessions service: a route whose code
// forgets the site filter, reading the groups' repository directly. Only Postgres' row-level
// security, under the service's own role, keeps the other site's rows out.

const north = siteId('north');
const south = siteId('south');
const groups: Record<string, number> = { [north]: 2, [south]: 3 };

/** Enrolment's SiteConfigured as the consumer hands it over: a group needs its site's time zone. */
const siteConfigured = (site: SiteId): ConsumedEvent =>
  ({
    id: randomUUID(),
    type: 'SiteConfigured',
    data: { ...enrolmentEventExamples.SiteConfigured.data, siteId: site, timeZone: 'Europe/London', payerRulesRef: 'standard@1' },
    metadata: { siteId: site, schemaVersion: 1, correlationId: 'c', causationId: 'c', actor: { sub: 'admin', role: 'platform-admin' }, occurredAt: '2025-01-06T15:00:00Z' },
    streamId: `enrolment.site-${site}`,
    streamPosition: 0n,
    globalPosition: 1n,
    origin: { topic: 'test', partition: 0, offset: '0' },
  }) as ConsumedEvent;

const groupBody = (i: number) => ({
  name: `Group ${i}`,
  kind: 'group-therapy',
  facilitator: { kind: 'clinician', id: randomUUID() },
  capacity: 8,
  location: 'Room 2, Riverside centre',
  schedule: { slots: [{ weekday: 2, startTime: '18:00', durationMinutes: 90 }], startsOn: '2025-03-01', endsOn: null, exceptions: [] },
});

describeSiteWall({
  context: 'sessions',
  appModule: (database) =>
    SessionsAppModule.forRoot({ env: { ...process.env, DATABASE_URL: database.url, ROLE: 'projections' }, clock: () => new Date('2025-03-20T10:00:00Z') }),
  entity: GroupRow,
  idColumn: 'groupId',
  noun: 'group',
  role: 'site-manager',
  site: north,
  otherSite: south,
  seed: async (site, { app, http, bearer: manager }) => {
    await app.get(HeardFacts).fromEnrolment.SiteConfigured(siteConfigured(site), undefined as never);
    const created: string[] = [];
    for (let i = 0; i < groups[site]; i++) {
      const response = await http().post(`/sites/${site}/groups`).set('Authorization', await manager(site)).send(groupBody(i)).expect(201);
      created.push(response.body.groupId);
    }
    return created;
  },
  policedTables: ['sessions_attendance_v1', 'sessions_group_v1', 'sessions_member_v1', 'sessions_session_v1'],
});
