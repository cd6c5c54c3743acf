// Rate limits, item 6 of issue 13: every service answers 429 problem+json with Retry-After once one
// signed-in person goes past the limit, counts per person (another person is still served), and
// serves again after the window.
import { randomUUID } from 'node:crypto';
import { recordTrial } from '../report/trials';
import { bearer, SERVICES, startServices, type ServicesUnderTest } from './fixtures/services-under-test';

const LIMIT = 5;
const WINDOW_MS = 3_000;
let under: ServicesUnderTest;

/** A cheap, site-scoped read each service has, open to a site manager or clinician. */
const READS = {
  enrolment: '/sites/north/census',
  sessions: '/sites/north/attendance-rates?from=2025-01-01&to=2025-02-01',
  mentoring: '/sites/north/workforce',
  outcomes: '/sites/north/dashboards/version',
} as const;

beforeAll(async () => {
  under = await startServices('abuse-rate-limits', { env: { THROTTLE_LIMIT: String(LIMIT), THROTTLE_TTL_MS: String(WINDOW_MS) } });
}, 60_000);

afterAll(async () => {
  await under?.close();
});

/** Floods one service as one person; what came back, for the assertions. */
const flood = async (name: (typeof SERVICES)[number]) => {
  const service = under.services[name];
  const person = await bearer({ roles: ['site-manager', 'clinician'], sub: `flooder-${randomUUID()}` });
  const statuses: number[] = [];
  for (let i = 0; i < LIMIT + 3; i += 1) statuses.push((await service.http().get(READS[name]).set('Authorization', person)).status);
  const limited = await service.http().get(READS[name]).set('Authorization', person);
  const someoneElse = await service.http().get(READS[name]).set('Authorization', await bearer({ roles: ['site-manager', 'clinician'], sub: `bystander-${randomUUID()}` }));
  await new Promise((resolve) => setTimeout(resolve, WINDOW_MS + 200));
  const afterWindow = (await service.http().get(READS[name]).set('Authorization', person)).status;
  const passed = limited.status === 429 && someoneElse.status === 200 && afterWindow === 200;
  recordTrial({
    area: 'Isolation and abuse',
    tried: `${name}: ${LIMIT + 4} requests in a ${WINDOW_MS / 1000} s window from one person (THROTTLE_LIMIT=${LIMIT}), one from another, one after the window`,
    times: LIMIT + 6,
    held: '429 problem+json with Retry-After past the limit, for that person only; served again after the window',
    passed,
    figures: { 'served before 429': statuses.filter((s) => s === 200).length },
  });
  return { name, statuses, limited, someoneElse: someoneElse.status, afterWindow };
};

describe('every service under a flood from one person', () => {
  it(`answers 429 past ${LIMIT} requests in the window, to that person only, and serves again after it`, async () => {
    // The four at once: the windows overlap, so the spec waits one window, not four.
    for (const { statuses, limited, someoneElse, afterWindow } of await Promise.all(SERVICES.map(flood))) {
      expect(statuses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(200));
      expect(statuses.slice(LIMIT)).toEqual(Array(3).fill(429));
      expect(limited.status).toBe(429);
      expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(someoneElse).toBe(200);
      expect(afterWindow).toBe(200);
    }
  }, 30_000);
});
