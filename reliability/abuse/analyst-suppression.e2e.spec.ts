// Small cells, item 6 of issue 13: whatever the population, the analyst API never publishes a count
// from 1 to 10, in any table, by any dimension, as JSON or CSV, and a column with a published total
// never has exactly one hidden cell (it could be worked out by subtraction). Populations are
// generated (fast-check, seeded), heard by outcomes as enrolment would send them, and read back
// through the real routes once the projections have them.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { waitFor } from '@alongside/platform/testing';
import { recordTrial } from '../report/trials';
import { bySize } from '../report/size';
import { outcomesHearsAdmission, outcomesHearsDischarge } from './fixtures/heard-events';
import { bearer, startServices, type ServicesUnderTest } from './fixtures/services-under-test';

const SEED = 13_06;
const runs = bySize({ ci: 4, large: 25 });
const DIMENSIONS = ['site', 'admissionMonth', 'programme', 'levelOfCare', 'mentored'] as const;
/** Rates and shares may be any number; every other published figure is a count. */
const NOT_COUNTS = /relapsesPer1000Days|positiveScreenRate|share|rate|per/i;
const REASONS = ['completed', 'left-against-advice', 'terminated-by-facility', 'transferred', 'other'];

let under: ServicesUnderTest;
let run = 0;

beforeAll(async () => {
  under = await startServices('abuse-analyst', { only: ['outcomes'], clock: { now: new Date('2025-06-30T12:00:00Z') } });
}, 60_000);

afterAll(async () => {
  await under?.close();
});

type Cell = { size: number; discharged: number; reason: number; programme: 'residential' | 'outpatient' };

/** Every published number in a JSON table, with the path that names it. */
const publishedCounts = (value: unknown, path = ''): Array<{ path: string; value: number }> => {
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if (record.suppressed === false && typeof record.value === 'number') return NOT_COUNTS.test(path) ? [] : [{ path, value: record.value }];
  return Object.entries(record).flatMap(([key, inner]) => publishedCounts(inner, `${path}.${key}`));
};

const small = (value: number) => Number.isInteger(value) && value >= 1 && value <= 10;

describe('the analyst API over generated populations', () => {
  it('never publishes a count from 1 to 10, nor a column total with a single hidden cell', async () => {
    const outcomes = under.services.outcomes;
    let requests = 0;
    let publishedSeen = 0;
    let suppressedSeen = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.array(fc.record({ size: fc.integer({ min: 0, max: 14 }), discharged: fc.integer({ min: 0, max: 14 }), reason: fc.nat(REASONS.length - 1), programme: fc.constantFrom('residential' as const, 'outpatient' as const) }), { minLength: 3, maxLength: 3 }),
          { minLength: 2, maxLength: 3 },
        ),
        async (population: Cell[][]) => {
          run += 1;
          const sites = population.map((_, i) => `analyst-${run}-${String.fromCharCode(97 + i)}`);
          const months = ['2025-01', '2025-02', '2025-03'];
          // Each participant's admission then discharge in order; participants side by side.
          const people = population.flatMap((cohorts, s) =>
            cohorts.flatMap((cell, m) =>
              Array.from({ length: cell.size }, (_, p) => async () => {
                const participantId = randomUUID();
                const episodeId = randomUUID();
                const admittedOn = `${months[m]}-${String(1 + p).padStart(2, '0')}`;
                await outcomesHearsAdmission(outcomes.app, sites[s], participantId, admittedOn, { episodeId, programme: cell.programme, levelOfCare: cell.programme === 'residential' ? '3.5' : '1' });
                if (p < Math.min(cell.discharged, cell.size)) await outcomesHearsDischarge(outcomes.app, sites[s], participantId, episodeId, admittedOn, '2025-05-20', REASONS[(cell.reason + p) % REASONS.length]);
              }),
            ),
          );
          for (let i = 0; i < people.length; i += 8) await Promise.all(people.slice(i, i + 8).map((hear) => hear()));
          // Until each site's (unsuppressed, site-level) dashboard counts every admission and discharge heard.
          const manager = await bearer({ roles: ['site-manager'], sites, sub: `analyst-check-${run}` });
          for (const [s, cohorts] of population.entries()) {
            const admitted = cohorts.reduce((n, c) => n + c.size, 0);
            const discharged = cohorts.reduce((n, c) => n + Math.min(c.discharged, c.size), 0);
            await waitFor(
              async () => {
                const view = (await outcomes.http().get(`/sites/${sites[s]}/dashboards/retention?from=2024-12-01&to=2025-06-30`).set('Authorization', manager)).body;
                return view.census?.admittedInRange === admitted && view.census?.dischargedInRange === discharged;
              },
              { timeoutMs: 30_000, what: `the population of ${sites[s]} on its dashboard` },
            );
          }
          const analyst = await bearer({ roles: ['analyst'], sites, sub: `analyst-${run}` });
          for (const route of ['/analytics/measures', '/analytics/discharge-reasons']) {
            for (const by of DIMENSIONS) {
              const json = await outcomes.http().get(`${route}?by=${by}&sites=${sites.join(',')}`).set('Authorization', analyst);
              const csv = await outcomes.http().get(`${route}?by=${by}&sites=${sites.join(',')}&format=csv`).set('Authorization', analyst);
              requests += 2;
              expect([json.status, csv.status]).toEqual([200, 200]);
              const counts = publishedCounts(json.body);
              publishedSeen += counts.length;
              suppressedSeen += (JSON.stringify(json.body).match(/"suppressed":true/g) ?? []).length;
              expect(counts.filter((c) => small(c.value)).map((c) => `${route} by ${by}${c.path} = ${c.value}`)).toEqual([]);
              // The CSV carries the same table: no small count there either (rates are not whole numbers of 1–10 people).
              const [header, ...lines] = csv.text.trim().split('\n');
              const columns = header.split(',');
              for (const line of lines) {
                line.split(',').forEach((field, i) => {
                  if (!NOT_COUNTS.test(columns[i] ?? '') && i > 0 && small(Number(field))) throw new Error(`${route} by ${by} CSV ${columns[i]} = ${field}`);
                });
              }
              if (route === '/analytics/measures') {
                for (const measure of Object.keys(json.body.total ?? {})) {
                  if (NOT_COUNTS.test(measure) || json.body.total[measure].suppressed) continue;
                  const hidden = json.body.rows.filter((row: { values: Record<string, { suppressed: boolean }> }) => row.values[measure].suppressed).length;
                  expect({ by, measure, hidden }).not.toEqual({ by, measure, hidden: 1 });
                }
              }
            }
          }
        },
      ),
      { seed: SEED, numRuns: runs },
    );
    recordTrial({
      area: 'Isolation and abuse',
      tried: 'analyst API (measures and discharge reasons, by each of 5 dimensions, JSON and CSV) over generated populations of 2–3 sites × 3 cohorts × 0–14 people (fast-check)',
      times: requests,
      held: 'no published count from 1 to 10; no column with a published total and a single hidden cell',
      passed: true,
      figures: { seed: SEED, runs, 'published counts checked': publishedSeen, 'suppressed cells': suppressedSeen },
    });
    expect(suppressedSeen).toBeGreaterThan(0);
  }, bySize({ ci: 170_000, large: 900_000 }));
});
