// Isolation and abuse, item 6 of issue 13: every route of every service (read from the guards' own
// metadata, checked against /openapi.json), every role, and a second site. Another site's path or
// object answers 404, a role the route does not accept 403, a missing, forged, expired, unsigned or
// foreign-keyed token 401; none of them appends anything. The per-service security kits test chosen
// routes in depth; this is the matrix across all of them.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { mintDevToken, refusedTokens, ROLES, PERSON_SCOPED_ROLES, type DevTokenClaims, type Role } from '@alongside/platform/security';
import { recordTrial } from '../report/trials';
import { configureSites, objectsAt, type ObjectIds } from './fixtures/other-site-objects';
import { exampleValue, requiredQuery, validValue, type OpenApiDocument } from './fixtures/openapi-arbitraries';
import { routeAccessOf, type RouteAccess } from './fixtures/route-access';
import { SERVICES, startServices, type ServicesUnderTest, type ServiceUnderTest } from './fixtures/services-under-test';

const SITE = 'north';
const OTHER = 'south';
const SEED = 13_06;
const PROBLEM = /^application\/problem\+json/;
/** What may be open without a token (DESIGN §7): probes, metrics, and the dashboard page whose data needs a token. */
const OPEN_PATHS = /^\/(health\/(live|ready)|metrics|dashboard(\/assets\/.*)?)$/;

let under: ServicesUnderTest;
let south: ObjectIds;
/** This site's own objects: a person-scoped token for someone else must not reach them. */
let own: ObjectIds;

beforeAll(async () => {
  under = await startServices('abuse-isolation');
  await configureSites(under, [SITE, OTHER]);
  south = await objectsAt(under, OTHER);
  own = await objectsAt(under, SITE);
}, 180_000);

afterAll(async () => {
  await under?.close();
});

const claimsFor = (role: Role, sites: string[], participantId: string = randomUUID()): DevTokenClaims => ({
  roles: [role],
  sites: role === 'participant' ? sites.slice(0, 1) : sites,
  // A new person per token, so the per-person rate limit never answers the matrix with 429.
  sub: `isolation-${role}-${randomUUID()}`,
  ...(role === 'participant' && { participantId }),
  ...(role === 'peer-mentor' && { mentorId: randomUUID() }),
});

/** The role to be let in with: a site-wide one where the route has it, so no caseload is in the way. */
const acceptedRole = (route: RouteAccess): Role => route.roles.find((role) => !PERSON_SCOPED_ROLES.includes(role)) ?? route.roles[0];

const fill = (route: RouteAccess, site: string, ids: ObjectIds): string | null => {
  let missing = false;
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === 'siteId') return site;
    if (!ids[name]) missing = true;
    return ids[name] ?? randomUUID();
  });
  return missing ? null : path;
};

/** Bodies whose rules reach past what JSON Schema can say (a consent's recipient must fit its purpose). */
const KNOWN_BODIES: Record<string, unknown[]> = {
  'post /sites/{siteId}/participants/{id}/consents': [
    { recipient: { kind: 'peer-support', siteId: SITE }, purpose: 'peer-support', informationCategories: ['enrolment-and-attendance'], expiry: { kind: 'date', on: '2026-12-31' }, signedOn: '2025-03-18' },
  ],
};

/** Whether a body shows anything of the other site: a name given there, or an id not already in the path. */
const revealsOther = (text: string, path: string): boolean =>
  ['Brooks', 'Thursday group', 'Housing desk'].some((marker) => text.includes(marker)) ||
  Object.values(south).some((id) => !path.includes(id) && text.includes(id));

type Outcome = { route: string; check: string; status: number; problem: boolean; appended: number };

/** One request; `counted`: also how many events it appended (the refusals are counted per route instead). */
const ask = async (service: ServiceUnderTest, route: RouteAccess, path: string, token: string | undefined, body?: unknown, query = '', counted = false): Promise<Omit<Outcome, 'route' | 'check'> & { text: string }> => {
  const before = counted ? await service.count() : 0;
  let pending = service.http()[route.method](path + query);
  if (token !== undefined) pending = pending.set('Authorization', `Bearer ${token}`);
  const response = body === undefined ? await pending : await pending.set('Content-Type', 'application/json').send(JSON.stringify(body));
  return { status: response.status, problem: PROBLEM.test(response.headers['content-type'] ?? ''), appended: counted ? (await service.count()) - before : 0, text: response.text ?? '' };
};

describe.each(SERVICES)('%s routes across roles and sites', (name) => {
  let routes: RouteAccess[];
  let document: OpenApiDocument;

  beforeAll(async () => {
    routes = routeAccessOf(under.services[name].app);
    document = (await under.services[name].http().get('/openapi.json').expect(200)).body as OpenApiDocument;
  });

  it('opens no route without a token but probes, metrics and the dashboard page, and declares roles in keeping with DESIGN §1', () => {
    const secured = routes.filter((route) => !route.public);
    const documented = new Set(Object.entries(document.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`)));
    expect(routes.filter((route) => route.public && !OPEN_PATHS.test(route.path)).map((route) => route.path)).toEqual([]);
    // Every secured route says who may call it, and is in the OpenAPI document a client is built from.
    expect(secured.filter((route) => route.roles.length === 0).map((route) => route.path)).toEqual([]);
    expect(secured.filter((route) => !documented.has(`${route.method} ${route.path}`)).map((route) => `${route.method} ${route.path}`)).toEqual([]);
    // Analysts reach aggregated, suppressed figures only, and those are not under a site's person-level paths.
    expect(secured.filter((route) => route.roles.includes('analyst') && !route.aggregated).map((route) => route.path)).toEqual([]);
    expect(secured.filter((route) => route.aggregated && !route.path.startsWith('/analytics/')).map((route) => route.path)).toEqual([]);
    // A platform admin has no clinical data access: nothing about a participant.
    expect(secured.filter((route) => route.roles.includes('platform-admin') && /participant/i.test(route.path)).map((route) => route.path)).toEqual([]);
    // A participant reaches only routes about one participant (themselves; the guard checks which).
    expect(secured.filter((route) => route.roles.includes('participant') && !route.path.includes('/participants/{participantId}')).map((route) => route.path)).toEqual([]);
  });

  it('answers 404 for another site, 403 for another role and 401 for a refused token, appending nothing', async () => {
    const service = under.services[name];
    const outcomes: Outcome[] = [];
    let objectRoutes = 0;
    const unreachedBodies: string[] = [];
    for (const route of routes.filter((candidate) => !candidate.public)) {
      const title = `${route.method.toUpperCase()} ${route.path}`;
      const note = (check: string, answer: Omit<Outcome, 'route' | 'check'>) => outcomes.push({ route: title, check, status: answer.status, problem: answer.problem, appended: answer.appended });
      const role = acceptedRole(route);
      const siteScoped = route.path.includes('{siteId}');
      const ownPath = fill(route, SITE, new Proxy({}, { get: () => randomUUID() })) as string;
      const northOnly = await mintDevToken(claimsFor(role, [SITE], south.participantId));

      const refusalsFrom = await service.count();
      // An empty 200 to a person-level read is audited like any other read: not a refusal's append.
      let objectAppended = 0;
      // Another site's path, with a token for this site only.
      if (siteScoped) note('other-site path → 404', await ask(service, route, fill(route, OTHER, new Proxy({}, { get: () => randomUUID() })) as string, northOnly));
      else note('other site asked for → 404', await ask(service, route, ownPath, northOnly, undefined, `${requiredQuery(document.paths[route.path]?.[route.method], document) || '?'}&sites=${OTHER}`));

      // Another site's objects, asked for at this site: a valid body, so the request reaches the handler's own check.
      const crossPath = siteScoped ? fill(route, SITE, south) : null;
      if (crossPath && /\{\w+\}/.test(route.path.replace('{siteId}', ''))) {
        objectRoutes += 1;
        const schema = document.paths[route.path]?.[route.method]?.requestBody?.content?.['application/json']?.schema;
        const bodies = schema ? [...(KNOWN_BODIES[`${route.method} ${route.path}`] ?? []), exampleValue(schema, document), ...fc.sample(validValue(schema, document), { seed: SEED, numRuns: 12 })] : [undefined];
        const query = requiredQuery(document.paths[route.path]?.[route.method], document);
        let answer = await ask(service, route, crossPath, northOnly, bodies[0], query, true);
        for (const body of bodies.slice(1)) {
          if (answer.status !== 400) break;
          answer = await ask(service, route, crossPath, northOnly, body, query, true);
        }
        objectAppended = answer.appended;
        if (answer.status === 400) unreachedBodies.push(title);
        // A search by an id (a facilitator's sessions, a participant's own schedule) may answer an empty
        // 200 rather than 404; either way nothing of the other site is in it.
        else if (answer.status < 300 && route.method === 'get') note(`other site's object → 404 or empty`, { ...answer, status: revealsOther(answer.text, crossPath) ? answer.status : 404, problem: true, appended: 0 });
        else note(`other site's object → 404`, answer);
      }

      // A participant reaches only themselves, a peer mentor only their caseload: someone else at this site is 404, as if absent.
      const ownObjectPath = fill(route, SITE, own);
      for (const scoped of PERSON_SCOPED_ROLES.filter((candidate) => route.roles.includes(candidate))) {
        if (!ownObjectPath || !/\{(participantId|matchId)\}/.test(route.path)) continue;
        const schema = document.paths[route.path]?.[route.method]?.requestBody?.content?.['application/json']?.schema;
        const body = KNOWN_BODIES[`${route.method} ${route.path}`]?.[0] ?? (schema ? exampleValue(schema, document) : undefined);
        const someoneElse = await mintDevToken(claimsFor(scoped, [SITE], randomUUID()));
        note(`${scoped} out of reach → 404`, await ask(service, route, ownObjectPath, someoneElse, body, requiredQuery(document.paths[route.path]?.[route.method], document)));
      }

      for (const other of ROLES.filter((candidate) => !route.roles.includes(candidate))) {
        note(`role ${other} → 403`, await ask(service, route, ownPath, await mintDevToken(claimsFor(other, [SITE]))));
      }
      note('no token → 401', await ask(service, route, ownPath, undefined));
      for (const [why, forge] of refusedTokens(mintDevToken, claimsFor(role, [SITE]))) note(`token ${why} → 401`, await ask(service, route, ownPath, await forge()));
      // Every refusal of the route together (the object check counted its own): nothing appended.
      const appendedByRefusals = (await service.count()) - refusalsFrom - objectAppended;
      if (appendedByRefusals !== 0) note('refusals append nothing → 0', { status: 0, problem: true, appended: appendedByRefusals });
    }

    const expected = (check: string) => Number(/→ (\d{3})/.exec(check)?.[1]);
    const wrong = outcomes.filter((o) => o.status !== expected(o.check) || !o.problem || o.appended !== 0);
    recordTrial({
      area: 'Isolation and abuse',
      tried: `${name}: every secured route × other site's path and objects, participant or peer mentor out of reach, every refused role, no token, and tokens forged with another key, expired, for another audience, unsigned (alg none)`,
      times: outcomes.length,
      held: 'other site and out of reach 404, refused role 403, refused token 401, each a problem+json, nothing appended',
      passed: wrong.length === 0,
      figures: { routes: routes.filter((r) => !r.public).length, 'routes with other-site objects': objectRoutes, 'out-of-reach checks': outcomes.filter((o) => o.check.includes('out of reach')).length, 'object checks left at 400': unreachedBodies.length },
    });
    expect(wrong.map((o) => `${o.route}: ${o.check} got ${o.status}${o.problem ? '' : ' (not problem+json)'}${o.appended ? ` and appended ${o.appended}` : ''}`)).toEqual([]);
    expect(unreachedBodies).toEqual([]);
  }, 300_000);
});
