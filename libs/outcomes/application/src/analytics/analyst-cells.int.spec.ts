import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { COHORT_DIMENSIONS, DISCHARGE_REASONS, type CohortDimension, type DashboardFilters, type OutcomesEvent } from '@alongside/outcomes/contracts';
import { EpisodeRow } from '@alongside/outcomes/read-models';
import { applyInBatches, emptyViews, like, openViewsDatabase, recordedLog } from '@alongside/outcomes/read-models/testing';
import { siteId } from '@alongside/platform/event-sourcing';
import { tableOf } from '@alongside/platform/projections';
import { episodeCondition } from '../dashboards/episode-filter';
import { viewsReader } from '../fixtures/views-reader';
import { dischargeRows, measureRows } from './analyst-tables';
import { cohortColumn } from './cohort-column';

/**
 * The analyst tables sum the cohort cells the projection keeps, and read from the episodes only
 * the months a question cuts through (a day range, the month admissions turn 90 days old). They
 * must give what every episode gives (summed as the tables did before the cells existed), for any
 * history, batching, day asked on, cohort dimension, filter and set of sites.
 */
const SITES = [siteId('north'), siteId('south'), siteId('east')];
const PARTICIPANTS = Array.from({ length: 6 }, (_, i) => `5b7e0c1a-2d3f-4a5b-8c6d-7e8f9a0b1c0${i}`);
const EPISODES = Array.from({ length: 10 }, (_, i) => `c7c6c5c4-d3d2-4e1e-8f0f-a9a8b7b6b6${String(i).padStart(2, '0')}`);
const FACTS = Array.from({ length: 8 }, (_, i) => `a8a7a6a5-b4b3-4c2c-8d1d-e0e9f8f7f60${i}`);

/** Days over nine months, so that stays cross 90 days and questions cut through months. */
const dayOf = (n: number) => new Date(Date.UTC(2025, 9, 1 + n)).toISOString().slice(0, 10);
const anyDay = fc.integer({ min: 0, max: 270 }).map(dayOf);

const ofEpisode = (e: number) => ({ episodeId: EPISODES[e], participantId: PARTICIPANTS[e % PARTICIPANTS.length] });
const episode = fc.integer({ min: 0, max: EPISODES.length - 1 });
const participant = fc.constantFrom(...PARTICIPANTS);
const fact = fc.constantFrom(...FACTS);

const aChange: fc.Arbitrary<OutcomesEvent> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .record({ e: episode, on: anyDay, programme: fc.constantFrom('outpatient-peer-recovery', 'residential'), level: fc.constantFrom('1', '3.5') })
      .map(({ e, on, programme, level }) => like('ParticipantAdmitted', { ...ofEpisode(e), admittedOn: on, programme, levelOfCare: level })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({ e: episode, on: anyDay, reason: fc.constantFrom(...DISCHARGE_REASONS) })
      .map(({ e, on, reason }) => like('ParticipantDischarged', { ...ofEpisode(e), dischargedOn: on, reason })),
  },
  { weight: 1, arbitrary: fc.record({ e: episode, level: fc.constantFrom('1', '2.1', '3.5') }).map(({ e, level }) => like('ParticipantLevelOfCareChanged', { ...ofEpisode(e), levelOfCare: level })) },
  { weight: 1, arbitrary: fc.record({ participantId: participant, matchId: fact, on: anyDay }).map(({ on, ...data }) => like('MentorMatched', { ...data, matchedAt: `${on}T10:00:00Z` })) },
  { weight: 1, arbitrary: fc.record({ participantId: participant, relapseId: fact, occurredOn: anyDay }).map((data) => like('RelapseRecorded', data)) },
  { weight: 1, arbitrary: fc.record({ participantId: participant, lapseId: fact, occurredOn: anyDay }).map((data) => like('LapseRecorded', data)) },
  { weight: 1, arbitrary: fc.record({ participantId: participant, screenId: fact, positive: fc.boolean() }).map((data) => like('DrugScreenRecorded', data)) },
);

const filters: fc.Arbitrary<DashboardFilters> = fc.record(
  {
    from: anyDay,
    to: anyDay,
    programme: fc.constantFrom('outpatient-peer-recovery', 'residential'),
    levelOfCare: fc.constantFrom('1', '2.1', '3.5'),
    cohort: anyDay.map((day) => day.slice(0, 7)),
    mentored: fc.constantFrom('mentored' as const, 'not-mentored' as const),
  },
  { requiredKeys: [] },
);

let views: Awaited<ReturnType<typeof openViewsDatabase>>;
let dataSource: DataSource;


/** The measures from every episode: the analyst table's query before the cells. */
const measuresFromEpisodes = (sites: readonly string[], by: CohortDimension, filter: DashboardFilters, asOf: string) => {
  const where = episodeCondition(sites, filter, 2);
  return dataSource.query(
    `select ${cohortColumn[by]} cohort, count(*) admitted,
            count(*) filter (where e.discharged_on is null) active,
            count(*) filter (where e.discharged_on is not null) discharged,
            count(*) filter (where e.discharge_reason = 'completed') completed,
            count(*) filter (where e.admitted_on <= $1::date - 90) eligible90,
            count(*) filter (where e.admitted_on <= $1::date - 90 and (e.discharged_on is null or e.discharged_on - e.admitted_on >= 90)) retained90,
            coalesce(sum(e.relapses), 0) relapses, coalesce(sum(e.lapses), 0) lapses,
            coalesce(sum(coalesce(e.discharged_on, $1::date) - e.admitted_on + 1), 0) days,
            coalesce(sum(e.screens), 0) screens, coalesce(sum(e.positive_screens), 0) positive_screens
     from ${tableOf(dataSource.manager, EpisodeRow)} e where ${where.sql} group by 1 order by 1`,
    [asOf, ...where.params],
  );
};

const dischargesFromEpisodes = (sites: readonly string[], by: CohortDimension, filter: DashboardFilters) => {
  const where = episodeCondition(sites, filter, 1);
  return dataSource.query(
    `select ${cohortColumn[by]} cohort, coalesce(e.discharge_reason, '') reason, count(*) n
     from ${tableOf(dataSource.manager, EpisodeRow)} e where ${where.sql} and e.discharged_on is not null group by 1, 2 order by 1, 2`,
    where.params,
  );
};

/** Figures as numbers: Postgres gives sums and counts as text, of types that differ between the two. */
const numbers = (rows: Record<string, unknown>[]) =>
  rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, key === 'cohort' || key === 'reason' ? String(value) : Number(value)])));

beforeAll(async () => {
  views = await openViewsDatabase('analyst-cells');
  dataSource = views.dataSource;
});

afterAll(() => views?.close());

describe('Analyst tables from the cohort cells', () => {
  it('give what every episode gives, for any history, batching, day, dimension, filter and sites', async () => {
    let runs = 0;
    let counted = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ event: aChange, site: fc.integer({ min: 0, max: SITES.length - 1 }) }), { minLength: 20, maxLength: 80 }),
        fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 10 }),
        fc.subarray(SITES, { minLength: 1 }),
        fc.constantFrom(...COHORT_DIMENSIONS),
        fc.oneof(fc.constant({}), filters.filter((filter) => Object.keys(filter).length <= 2)),
        fc.integer({ min: 0, max: 330 }).map(dayOf),
        async (history, cuts, sites, by, filter, asOf) => {
          await emptyViews(dataSource);
          await applyInBatches(dataSource, recordedLog(history, SITES), cuts);
          const expected = numbers(await measuresFromEpisodes(sites, by, filter, asOf));
          expect(numbers(await measureRows(viewsReader(dataSource), sites, by, filter, asOf))).toEqual(expected);
          expect(numbers(await dischargeRows(viewsReader(dataSource), sites, by, filter))).toEqual(numbers(await dischargesFromEpisodes(sites, by, filter)));
          runs++;
          if (expected.length > 1) counted++;
        },
      ),
      { numRuns: 150 },
    );
    // Many questions must find several cohorts (a filter may leave none).
    expect(counted).toBeGreaterThan(runs / 3);
  });
});
