import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { SiteId } from '@alongside/platform/event-sourcing';
import type { DevTokenClaims } from '../authentication/dev-token';
import { ROLES, type Role } from '../authentication/role';
import { PERSON_SCOPED_ROLES } from '../authorisation/route-access';
import { refusedTokens, type TokenMinter } from './forged-tokens';

export type RouteIds = Readonly<Record<string, string>>;

type Target = Parameters<typeof request>[0];

export type RouteUnderTest = Readonly<{
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: (siteId: SiteId, ids: RouteIds) => string;
  /** The roles the route accepts. */
  roles: readonly Role[];
  /**
   * Ids of an object of the other site (`otherSite`), created by the test's setup. Omitted only for
   * routes about no existing object (a create at the collection): the other-site path is still tested.
   */
  crossSite?: () => RouteIds | Promise<RouteIds>;
  /** A valid body, so that a cross-site request reaches the handler's own site check. */
  body?: unknown;
  /** A body that breaks a validation rule on `field`. */
  badBody?: Readonly<{ body: unknown; field: string }>;
  /** Claims added to the accepted role's token (e.g. `participantId` for a participant-only route). */
  claims?: Partial<DevTokenClaims>;
  /** Counts the events in the service's store; compared before and after each refused request. */
  appendedCount?: () => Promise<number>;
  /** Test title; default `METHOD path`. */
  name?: string;
}>;

export type RouteSecuritySuite = Readonly<{
  /** The running app (`app.getHttpServer()`), read when the tests run. */
  app: () => Target;
  mint: TokenMinter;
  /** The site the tokens are for. */
  site: SiteId;
  /** Another site, where `crossSite` objects live. */
  otherSite: SiteId;
  routes: readonly RouteUnderTest[];
  /** Default for routes that give none. */
  appendedCount?: () => Promise<number>;
}>;

const PROBLEM = /^application\/problem\+json/;

/** The accepted role to test with: a site-wide one when the route has it, so no caseload is in the way. */
const acceptedRole = (roles: readonly Role[]): Role => roles.find((role) => !PERSON_SCOPED_ROLES.includes(role)) ?? roles[0];

/**
 * Claims a token of this role needs to be well-formed. Each token is a new person, so that the
 * per-person rate limit never answers a kit's request with 429.
 */
const claimsFor = (role: Role, sites: readonly string[], extra: Partial<DevTokenClaims> = {}): DevTokenClaims => ({
  roles: [role],
  sites: role === 'participant' ? sites.slice(0, 1) : sites,
  sub: `route-security-${role}-${randomUUID()}`,
  ...(role === 'participant' && { participantId: '00000000-0000-4000-8000-000000000000' }),
  ...(role === 'peer-mentor' && { mentorId: 'route-security-mentor' }),
  ...extra,
});

/**
 * Generates the security tests every route owes (DESIGN §7): another site's object answers 404,
 * another site's path answers 404, a token without the role 403, no token or a refused token 401,
 * a bad body 400 naming the field, and none of them appends anything. One entry per route.
 */
export const describeRouteSecurity = (suite: RouteSecuritySuite): void => {
  for (const route of suite.routes) {
    const title = route.name ?? `${route.method.toUpperCase()} ${route.path(':siteId' as SiteId, new Proxy({}, { get: (_, key) => `:${String(key)}` }))}`;
    const counted = route.appendedCount ?? suite.appendedCount;
    const role = acceptedRole(route.roles);

    /** Sends the request and checks it is refused with `status`, as a problem, appending nothing. */
    const refused = async (status: number, site: SiteId, token: string | undefined, body: unknown = route.body) => {
      const before = counted ? await counted() : 0;
      const ids = (await route.crossSite?.()) ?? {};
      let pending = request(suite.app())[route.method](route.path(site, ids));
      if (token !== undefined) pending = pending.set('Authorization', `Bearer ${token}`);
      const response = body === undefined ? await pending : await pending.send(body as object);
      expect({ status: response.status, body: response.body }).toMatchObject({ status, body: { status } });
      expect(response.headers['content-type']).toMatch(PROBLEM);
      if (counted) expect(await counted()).toBe(before);
      return response;
    };

    describe(`${title} security`, () => {
      if (route.crossSite) {
        it(`answers 404 for an object of ${suite.otherSite} asked for at ${suite.site}`, async () => {
          await refused(404, suite.site, await suite.mint(claimsFor(role, [suite.site], route.claims)));
        });
      }

      it(`answers 404 at ${suite.otherSite} to a token for ${suite.site} only`, async () => {
        await refused(404, suite.otherSite, await suite.mint(claimsFor(role, [suite.site], route.claims)));
      });

      const refusedRoles = ROLES.filter((r) => !route.roles.includes(r));
      if (refusedRoles.length > 0) {
        it.each(refusedRoles)('answers 403 to the role %s', async (other) => {
          await refused(403, suite.site, await suite.mint(claimsFor(other, [suite.site])));
        });
      }

      it('answers 401 without a token', async () => {
        await refused(401, suite.site, undefined);
      });

      it.each(refusedTokens(suite.mint, claimsFor(role, [suite.site], route.claims)))('answers 401 to a token %s', async (_, forge) => {
        await refused(401, suite.site, await forge());
      });

      const badBody = route.badBody;
      if (badBody) {
        it(`answers 400 naming ${badBody.field} for a bad body`, async () => {
          const token = await suite.mint(claimsFor(role, [suite.site], route.claims));
          const response = await refused(400, suite.site, token, badBody.body);
          expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: badBody.field })]));
        });
      }
    });
  }
};
