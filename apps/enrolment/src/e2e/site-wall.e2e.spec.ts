import { ParticipantRow } from '@alongside/enrolment/read-models';
import { siteId, type SiteId } from '@alongside/platform/event-sourcing';
import { describeSiteWall } from '@alongside/platform/service-runtime/test-kit';
import { uniqueTopic } from '@alongside/platform/testing';
import { EnrolmentAppModule } from '../app.module';
import { personBody, siteBody } from './enrolment-fixtures';
import { bearer } from './enrolment-test-app';

// The second wall between sites (DESIGN §7) in the running enrolment service: a route whose code
// forgets the site filter altogether, reading the participants' repository directly. Only
// Postgres' row-level security, under the service's own role, keeps the other site's rows out.

const north = siteId('north');
const south = siteId('south');

/** Each site's configuration, and the participants a clinician of it registers. */
const sites: Record<string, { body: ReturnType<typeof siteBody>; names: readonly string[] }> = {
  [north]: { body: siteBody('North Recovery Centre', 'America/Chicago', ['residential', 'outpatient']), names: ['Ana', 'Bea'] },
  [south]: { body: siteBody('South Recovery Centre', 'America/New_York', ['outpatient']), names: ['Cal', 'Dee', 'Eve'] },
};

describeSiteWall({
  context: 'enrolment',
  appModule: (database) =>
    EnrolmentAppModule.forRoot({
      env: { ...process.env, DATABASE_URL: database.url, KAFKA_TOPIC_PREFIX: uniqueTopic('enrolment-wall'), ROLE: 'projections', THROTTLE_LIMIT: '100000' },
      clock: () => new Date('2025-03-20T15:00:00Z'),
    }),
  entity: ParticipantRow,
  idColumn: 'participantId',
  noun: 'participant',
  role: 'clinician',
  site: north,
  otherSite: south,
  seed: async (site: SiteId, { http, bearer: clinician }) => {
    const platformAdmin = await bearer({ roles: ['platform-admin'], sites: [site] }, site);
    await http().put(`/sites/${site}/configuration`).set('Authorization', platformAdmin).send(sites[site].body).expect(200);
    const registered: string[] = [];
    for (const name of sites[site].names) {
      const response = await http().post(`/sites/${site}/participants`).set('Authorization', await clinician(site)).set('Idempotency-Key', `wall-${site}-${name}`).send(personBody({ givenName: name })).expect(201);
      registered.push(response.body.participantId);
    }
    return registered;
  },
});
