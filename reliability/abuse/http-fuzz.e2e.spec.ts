// Bad input, item 5 of issue 13: every route of every service, from its own OpenAPI document, with
// valid-shaped and broken bodies, path parameters and queries, under a token that holds every role
// at the site. Whatever arrives: never a 5xx, never a stack trace in the body, and a refusal (4xx)
// appends nothing to the service's log.
import fc from 'fast-check';
import { ROLES } from '@alongside/platform/security';
import { recordTrial } from '../report/trials';
import { bySize } from '../report/size';
import { requestsFor, routesOf, type FuzzedRequest, type OpenApiDocument } from './fixtures/openapi-arbitraries';
import { configureSites, objectsAt, type ObjectIds } from './fixtures/other-site-objects';
import { bearer, SERVICES, startServices, type ServicesUnderTest, type ServiceUnderTest } from './fixtures/services-under-test';

const SEED = 13_05;
const runsPerRoute = bySize({ ci: 10, large: 150 });

// What a stack trace looks like in a body: V8 frames or our own source paths.
const STACK_TRACE = /\n\s+at \S|\bat \S+ \(\S+:\d+:\d+\)|node_modules\/|\.ts:\d+:\d+|\/work\//;

let under: ServicesUnderTest;
/** Objects at north, so that valid-shaped requests reach the rules behind the lookups. */
let existing: ObjectIds;
/** Staff holding every role but `participant` (a participant token carries no other role), and a participant. */
let tokens: string[];

beforeAll(async () => {
  under = await startServices('abuse-http-fuzz');
  await configureSites(under, ['north']);
  existing = await objectsAt(under, 'north');
  tokens = [
    await bearer({ roles: ROLES.filter((role) => role !== 'participant'), sites: ['north'], sub: 'fuzzer', mentorId: '00000000-0000-4000-8000-000000000002' }),
    await bearer({ roles: ['participant'], sites: ['north'], sub: 'fuzzed-participant', participantId: existing.participantId }),
  ];
}, 60_000);

afterAll(async () => {
  await under?.close();
});

const send = async (service: ServiceUnderTest, fuzzed: FuzzedRequest, token: string) => {
  const method = fuzzed.method as 'get' | 'post' | 'put' | 'patch' | 'delete';
  let pending = service.http()[method](fuzzed.url).set('Authorization', token);
  if (fuzzed.raw) pending = pending.set('Content-Type', 'application/json').send(fuzzed.body as string);
  // As JSON text: superagent refuses to serialise a bare number or boolean itself.
  else if (fuzzed.body !== undefined) pending = pending.set('Content-Type', 'application/json').send(JSON.stringify(fuzzed.body));
  return pending;
};

describe.each(SERVICES)('%s routes under fuzzed input', (name) => {
  it('never answers 5xx or with a stack trace, and appends nothing when it refuses', async () => {
    const service = under.services[name];
    const document = (await service.http().get('/openapi.json').expect(200)).body as OpenApiDocument;
    const routes = routesOf(document);
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let requests = 0;
    for (const route of routes) {
      try {
        await fc.assert(
          fc.asyncProperty(requestsFor(route, document, 'north', existing), fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.constant(1), weight: 1 }), async (fuzzed, who) => {
            const before = await service.count();
            const response = await send(service, fuzzed, tokens[who]);
            const after = await service.count();
            requests += 1;
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
            const text = response.text ?? '';
            expect(response.status).toBeLessThan(500);
            expect(text).not.toMatch(STACK_TRACE);
            if (response.status >= 400) {
              expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
              expect(after).toBe(before);
            }
          }),
          { seed: SEED, numRuns: runsPerRoute, endOnFailure: true },
        );
      } catch (error) {
        const cause = (error as Error & { cause?: Error }).cause;
        failures.push(`${route.method.toUpperCase()} ${route.path}: ${(error as Error).message.split('\n').find((line) => line.startsWith('Counterexample'))?.slice(0, 600)} → ${cause?.message.slice(0, 600)}`);
      }
    }
    const refused = [...statuses].filter(([status]) => status >= 400).reduce((sum, [, n]) => sum + n, 0);
    recordTrial({
      area: 'Bad input',
      tried: `${name}: fuzzed bodies, path parameters and queries from /openapi.json on every route (${routes.length} routes)`,
      times: requests,
      held: 'no 5xx, no stack trace, a problem+json and no append on every 4xx',
      passed: failures.length === 0,
      figures: { seed: SEED, routes: routes.length, refused, ...Object.fromEntries([...statuses].sort().map(([status, n]) => [`http ${status}`, n])) },
    });
    // Routes were reached: a fuzzer that got only 401s or 404s from the router would prove nothing.
    expect(routes.length).toBeGreaterThan(10);
    expect(statuses.get(401) ?? 0).toBe(0);
    expect(failures).toEqual([]);
  }, bySize({ ci: 240_000, large: 1_800_000 }));
});
