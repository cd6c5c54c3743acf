import { randomUUID } from 'node:crypto';
import { EnrolmentListener } from '@alongside/outcomes/application';
import { EpisodeRow } from '@alongside/outcomes/read-models';
import { siteId } from '@alongside/platform/event-sourcing';
import { describeSiteWall } from '@alongside/platform/service-runtime/test-kit';
import { OutcomesAppModule } from '../app.module';
import { enrolled } from './heard-events';

// The second wall between sites (DESIGN §7) in the running outcomes service: a route whose code
// forgets the site filter, reading the episodes behind the dashboards straight from their
// repository. Only Postgres' row-level security, under the service's own role, keeps the other
// site's rows out.

const north = siteId('north');
const south = siteId('south');
const admissions: Record<string, number> = { [north]: 4, [south]: 3 };

describeSiteWall({
  context: 'outcomes',
  appModule: (database) =>
    OutcomesAppModule.forRoot({ env: { ...process.env, DATABASE_URL: database.url, ROLE: 'projections' }, clock: () => new Date('2026-05-01T15:00:00Z') }),
  entity: EpisodeRow,
  idColumn: 'participantId',
  noun: 'participant',
  role: 'site-manager',
  // South asks here, north in the other services: the wall holds whichever site asks.
  site: south,
  otherSite: north,
  seed: async (site, { app }) => {
    const admitted: string[] = [];
    for (let i = 0; i < admissions[site]; i++) {
      const participantId = randomUUID();
      await app.get(EnrolmentListener).handlers.Enrolled(enrolled(site, participantId, `2026-02-0${i + 1}`), undefined as never);
      admitted.push(participantId);
    }
    return admitted;
  },
  // An episode is its own row: a participant's id alone does not key it.
  freshKey: () => ({ episodeId: randomUUID() }),
});
