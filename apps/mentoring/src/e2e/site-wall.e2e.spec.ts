import { randomUUID } from 'node:crypto';
import { MentorRow } from '@alongside/mentoring/read-models';
import { siteId } from '@alongside/platform/event-sourcing';
import { describeSiteWall } from '@alongside/platform/service-runtime/test-kit';
import { MentoringAppModule } from '../app.module';

// The second wall between sites (DESIGN §7) in the running mentoring service: a route whose code
// forgets the site filter, reading the mentors' repository directly. Only Postgres' row-level
// security, under the service's own role, keeps the other site's rows out.

const north = siteId('north');
const south = siteId('south');
const mentors: Record<string, number> = { [north]: 2, [south]: 3 };

describeSiteWall({
  context: 'mentoring',
  appModule: (database) =>
    MentoringAppModule.forRoot({ env: { ...process.env, DATABASE_URL: database.url, ROLE: 'projections' }, clock: () => new Date('2025-03-10T14:00:00Z'), sweepIntervalMs: 0 }),
  entity: MentorRow,
  idColumn: 'mentorId',
  noun: 'mentor',
  role: 'site-manager',
  site: north,
  otherSite: south,
  seed: async (site, { http, bearer: manager }) => {
    const onboarded: string[] = [];
    for (let i = 0; i < mentors[site]; i++) {
      const mentorId = randomUUID();
      await http().post(`/sites/${site}/mentors`).set('Authorization', await manager(site))
        .send({ mentorId, displayName: `Mentor ${i}`, livedExperience: ['opioid-use'], languages: ['en'], specialities: ['opioid-use'], maxCaseload: 2 })
        .expect(201);
      onboarded.push(mentorId);
    }
    return onboarded;
  },
});
