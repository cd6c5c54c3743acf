/** Request bodies for the enrolment API, with the changes a test makes. */
export const siteBody = (name: string, timeZone: string, programmes: string[], change: Record<string, unknown> = {}) => ({
  name,
  timeZone,
  programmes,
  milestonePolicy: { milestoneDays: [30, 60, 90, 180, 365], lapseRestartsCount: false },
  followUpSchedule: { daysAfterDischarge: [7, 30, 90, 180] },
  payerRulesRef: 'medicaid-peer-support@1',
  ...change,
});

export const personBody = (change: Record<string, unknown> = {}) => ({
  givenName: 'Ana',
  familyName: 'López',
  preferredName: 'Annie',
  dateOfBirth: '1991-07-14',
  contact: { phone: '+1 312 555 0142', email: 'ana@example.org' },
  preferredLanguage: 'es',
  pronouns: 'she/her',
  ...change,
});

export const transferConsentBody = (toSiteId: string, change: Record<string, unknown> = {}) => ({
  recipient: { kind: 'site', siteId: toSiteId },
  purpose: 'transfer',
  informationCategories: ['enrolment-and-attendance', 'level-of-care', 'discharge-summary'],
  expiry: { kind: 'date', on: '2025-12-31' },
  signedOn: '2025-03-18',
  ...change,
});

export const admissionBody = (change: Record<string, unknown> = {}) => ({
  programme: 'residential',
  levelOfCare: '3.5',
  referralSource: 'criminal-justice',
  admittedOn: '2025-03-02',
  ...change,
});

export const transferBody = (toSiteId: string, change: Record<string, unknown> = {}) => ({
  toSiteId,
  requested: { programme: 'outpatient', levelOfCare: '1' },
  reason: 'relocation',
  ...change,
});
