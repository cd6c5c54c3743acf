import { describeRouteSecurity, mintDevToken } from '@alongside/platform/security';
import { clinical, north, securityFixture, siteReaders, south } from './enrolment-security-fixture';

/**
 * Queries. The security every route owes (DESIGN §7), from the platform's test kit: another
 * site's object answers 404, another site's path 404, a wrong role 403, no or a forged token 401,
 * a bad body 400 naming the field — and none of them records anything.
 */
const fixture = securityFixture('enrolment-security-queries');
const { at } = fixture;

describe('Enrolment routes', () => {
  it('has objects at the other site to probe with', () => {
    expect(Object.values(at).every((id) => /^[0-9a-f-]{36}$/.test(id))).toBe(true);
  });

  describeRouteSecurity({
    app: fixture.app,
    mint: mintDevToken,
    site: north,
    otherSite: south,
    appendedCount: fixture.count,
    routes: [
      { method: 'get', path: (s) => `/sites/${s}/configuration`, roles: siteReaders },
      { method: 'get', path: (s) => `/sites/${s}/reference-data`, roles: siteReaders },
      { method: 'get', path: (s) => `/sites/${s}/participants?name=lopez`, roles: clinical },
      { method: 'get', path: (s, { id }) => `/sites/${s}/participants/${id}`, roles: clinical, crossSite: () => ({ id: at.participantId }) },
      { method: 'get', path: (s, { id }) => `/sites/${s}/participants/${id}/consents`, roles: clinical, crossSite: () => ({ id: at.participantId }) },
      { method: 'get', path: (s, { id }) => `/sites/${s}/participants/${id}/episodes`, roles: clinical, crossSite: () => ({ id: at.participantId }) },
      { method: 'get', path: (s) => `/sites/${s}/census`, roles: clinical },
      { method: 'get', path: (s) => `/sites/${s}/episodes?status=active`, roles: clinical },
      { method: 'get', path: (s) => `/sites/${s}/transfers/incoming`, roles: clinical },
      { method: 'get', path: (s) => `/sites/${s}/transfers/outgoing`, roles: clinical },
      { method: 'get', path: (s, { id }) => `/sites/${s}/participants/${id}/disclosures`, roles: clinical, crossSite: () => ({ id: at.participantId }) },
      { method: 'get', path: (s, { id }) => `/sites/${s}/participants/${id}/name-card`, roles: ['facilitator', 'clinician', 'site-manager'], crossSite: () => ({ id: at.participantId }) },
    ],
  });
});
