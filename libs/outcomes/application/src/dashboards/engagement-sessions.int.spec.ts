import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { ATTENDANCE_STATUSES, outcomesEventExamples, type DashboardFilters, type OutcomesEvent } from '@alongside/outcomes/contracts';
import { AttendanceRow } from '@alongside/outcomes/read-models';
import { applyInBatches, emptyViews, openViewsDatabase, recordedLog } from '@alongside/outcomes/read-models/testing';
import { siteId } from '@alongside/platform/event-sourcing';
import { tableOf } from '@alongside/platform/projections';
import { engagementView } from './engagement.view';
import { viewsReader } from '../fixtures/views-reader';

/**
 * The engagement view counts sessions by group kind from the per-session counts the projection
 * keeps; they must give the figures the attendance rows themselves give (counted as the view did
 * before the counts existed), for any history of registers and corrections, however the log is cut
 * into batches, and for any filter.
 */
const SITES = [siteId('north'), siteId('south')];
const PARTICIPANTS = ['5b7e0c1a-2d3f-4a5b-8c6d-7e8f9a0b1c01', '5b7e0c1a-2d3f-4a5b-8c6d-7e8f9a0b1c02', '5B7E0C1A-2D3F-4A5B-8C6D-7E8F9A0B1C03'];
const SESSIONS = ['d7d6d5d4-e3e2-4f1f-8a0a-b9b8c7c6c601', 'd7d6d5d4-e3e2-4f1f-8a0a-b9b8c7c6c602', 'D7D6D5D4-E3E2-4F1F-8A0A-B9B8C7C6C603'];
const DAYS = ['2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07'];

const anEntry: fc.Arbitrary<OutcomesEvent> = fc
  .record({
    participantId: fc.constantFrom(...PARTICIPANTS),
    sessionId: fc.constantFrom(...SESSIONS),
    // A correction may move an entry to another day or kind.
    heldOn: fc.constantFrom(...DAYS.slice(1, 3)),
    groupKind: fc.constantFrom('peer-support', 'group-therapy'),
    status: fc.constantFrom(...ATTENDANCE_STATUSES),
    minutes: fc.integer({ min: 0, max: 120 }),
    revision: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ revision, ...data }) =>
    revision === 0
      ? ({ ...outcomesEventExamples.SessionAttendanceRecorded, data: { ...outcomesEventExamples.SessionAttendanceRecorded.data, ...data } } as OutcomesEvent)
      : ({ ...outcomesEventExamples.SessionAttendanceCorrected, data: { ...outcomesEventExamples.SessionAttendanceCorrected.data, ...data, revision } } as OutcomesEvent),
  );

const filters: fc.Arbitrary<DashboardFilters> = fc.record(
  { from: fc.constantFrom(...DAYS), to: fc.constantFrom(...DAYS), programme: fc.constant('outpatient-peer-recovery'), mentored: fc.constantFrom('mentored' as const, 'not-mentored' as const) },
  { requiredKeys: [] },
);

let views: Awaited<ReturnType<typeof openViewsDatabase>>;
let dataSource: DataSource;


/** Sessions by group kind from the attendance rows: the engagement view's query before the counts. */
const fromRows = async (site: string, from: string, to: string) => {
  const rows: { kind: string; sessions: string; attendances: string; attended: string }[] = await dataSource.query(
    `select kind, count(*) sessions, sum(n) attendances, sum(attended) attended from (
       select a.group_kind kind, a.session_id, count(*) n, count(*) filter (where a.attended) attended
       from ${tableOf(dataSource.manager, AttendanceRow)} a
       where a.site_id = $1 and a.held_on between $2::date and $3::date group by 1, 2
     ) per_session group by 1 order by 1`,
    [site, from, to],
  );
  return rows.map((k) => ({
    groupKind: k.kind,
    sessions: Number(k.sessions),
    attendances: Number(k.attendances),
    attended: Number(k.attended),
    attendanceRate: Number(k.attendances) > 0 ? Number(k.attended) / Number(k.attendances) : null,
  }));
};

beforeAll(async () => {
  views = await openViewsDatabase('engagement-sessions');
  dataSource = views.dataSource;
});

afterAll(() => views?.close());

describe('Engagement view, sessions by group kind', () => {
  it('gives from the per-session counts the figures the attendance rows give, for any history, batching and filter', async () => {
    const ASOF = '2026-03-31';
    let runs = 0;
    let counted = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ event: anEntry, site: fc.integer({ min: 0, max: SITES.length - 1 }) }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 0, max: SITES.length - 1 }),
        filters,
        async (history, cuts, site, filter) => {
          await emptyViews(dataSource);
          await applyInBatches(dataSource, recordedLog(history, SITES), cuts);
          const expected = await fromRows(SITES[site], filter.from ?? '0001-01-01', filter.to ?? ASOF);
          const view = await engagementView(viewsReader(dataSource), SITES[site], filter, ASOF);
          expect(view.sessionsByGroupKind).toEqual(expected);
          runs++;
          if (expected.length > 0) counted++;
        },
      ),
      { numRuns: 60 },
    );
    // Many runs must count something (a range may end before it starts, or miss both days).
    expect(counted).toBeGreaterThan(runs / 4);
  });
});
