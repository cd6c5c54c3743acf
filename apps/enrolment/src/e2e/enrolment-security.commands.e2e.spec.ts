import { describeRouteSecurity, mintDevToken } from '@alongside/platform/security';
import { admissionBody, personBody, siteBody, transferBody, transferConsentBody } from './enrolment-fixtures';
import { clinical, north, securityFixture, south } from './enrolment-security-fixture';

/**
 * Commands. The security every route owes (DESIGN §7), from the platform's test kit: another
 * site's object answers 404, another site's path 404, a wrong role 403, no or a forged token 401,
 * a bad body 400 naming the field — and none of them records anything.
 */
const fixture = securityFixture('enrolment-security-commands');
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
      {
        method: 'put',
        path: (s) => `/sites/${s}/configuration`,
        roles: ['platform-admin'],
        body: siteBody('North', 'America/Chicago', ['residential']),
        badBody: { body: siteBody('North', 'Narnia/Cair_Paravel', ['residential']), field: 'timeZone' },
      },
      {
        method: 'post',
        path: (s) => `/sites/${s}/participants`,
        roles: clinical,
        body: personBody(),
        badBody: { body: personBody({ dateOfBirth: '14/07/1991' }), field: 'dateOfBirth' },
      },
      {
        method: 'post',
        path: (s, { id }) => `/sites/${s}/participants/${id}/details-corrections`,
        roles: clinical,
        crossSite: () => ({ id: at.participantId }),
        body: { familyName: 'Ortega' },
        badBody: { body: { contact: { email: 'not-an-email' } }, field: 'contact.email' },
      },
      { method: 'post', path: (s, { id }) => `/sites/${s}/participants/${id}/erasure`, roles: ['site-manager'], crossSite: () => ({ id: at.participantId }) },
      {
        method: 'post',
        path: (s, { id }) => `/sites/${s}/participants/${id}/consents`,
        roles: clinical,
        crossSite: () => ({ id: at.participantId }),
        body: transferConsentBody('east'),
        badBody: { body: transferConsentBody('east', { purpose: 'marketing' }), field: 'purpose' },
      },
      {
        method: 'post',
        path: (s, { id, consentId }) => `/sites/${s}/participants/${id}/consents/${consentId}/revocation`,
        roles: clinical,
        crossSite: () => ({ id: at.participantId, consentId: at.consentId }),
      },
      {
        method: 'post',
        path: (s, { id }) => `/sites/${s}/participants/${id}/episodes`,
        roles: clinical,
        crossSite: () => ({ id: at.participantId }),
        body: admissionBody(),
        badBody: { body: admissionBody({ levelOfCare: '5' }), field: 'levelOfCare' },
      },
      {
        method: 'post',
        path: (s, { id }) => `/sites/${s}/participants/${id}/readmissions`,
        roles: clinical,
        crossSite: () => ({ id: at.participantId }),
        body: admissionBody(),
        badBody: { body: admissionBody({ admittedOn: '2025-02-30' }), field: 'admittedOn' },
      },
      {
        method: 'post',
        path: (s, { id, episodeId }) => `/sites/${s}/participants/${id}/episodes/${episodeId}/level-of-care-changes`,
        roles: clinical,
        crossSite: () => ({ id: at.participantId, episodeId: at.episodeId }),
        body: { levelOfCare: '3.1', reason: 'clinical-improvement', changedOn: '2025-03-10' },
        badBody: { body: { levelOfCare: '3.1', reason: 'whim', changedOn: '2025-03-10' }, field: 'reason' },
      },
      {
        method: 'post',
        path: (s, { id, episodeId }) => `/sites/${s}/participants/${id}/episodes/${episodeId}/discharge`,
        roles: clinical,
        crossSite: () => ({ id: at.participantId, episodeId: at.episodeId }),
        body: { reason: 'completed', dischargedOn: '2025-03-15' },
        badBody: { body: { reason: 'bored', dischargedOn: '2025-03-15' }, field: 'reason' },
      },
      {
        method: 'post',
        path: (s, { id }) => `/sites/${s}/participants/${id}/transfers`,
        roles: clinical,
        crossSite: () => ({ id: at.participantId }),
        body: transferBody('east'),
        badBody: { body: transferBody('East Side!'), field: 'toSiteId' },
      },
      {
        method: 'post',
        path: (s, { transferId }) => `/sites/${s}/transfers/incoming/${transferId}/acceptance`,
        roles: clinical,
        crossSite: () => ({ transferId: at.transferId }),
        body: { programme: 'outpatient', levelOfCare: '1', admittedOn: '2025-03-20' },
        badBody: { body: { programme: 'outpatient', levelOfCare: '1', admittedOn: 'tomorrow' }, field: 'admittedOn' },
      },
      {
        method: 'post',
        path: (s, { transferId }) => `/sites/${s}/transfers/incoming/${transferId}/decline`,
        roles: clinical,
        crossSite: () => ({ transferId: at.transferId }),
        body: { reason: 'no-capacity' },
        badBody: { body: { reason: 'busy' }, field: 'reason' },
      },
    ],
  });
});
