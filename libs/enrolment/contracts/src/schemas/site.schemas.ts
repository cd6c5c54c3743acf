import { PROGRAMMES } from '../reference-data/codes';
import { eventSchema, isoInstant, object, oneOf, referenceDataVersion, siteId } from './schema-parts';

const days = { type: 'array', items: { type: 'integer', minimum: 1 }, uniqueItems: true };

export const siteConfiguredV1 = eventSchema('SiteConfigured', 1, 'A site was configured or reconfigured (whole configuration, not a diff).', {
  siteId,
  name: { type: 'string', minLength: 1, maxLength: 120 },
  timeZone: { type: 'string', minLength: 1, maxLength: 64 },
  programmes: { type: 'array', items: oneOf(PROGRAMMES), minItems: 1, uniqueItems: true },
  milestonePolicy: object({ milestoneDays: days, lapseRestartsCount: { type: 'boolean' } }),
  followUpSchedule: object({ daysAfterDischarge: days }),
  payerRulesRef: { type: 'string', minLength: 1, maxLength: 120 },
  revision: { type: 'integer', minimum: 1 },
  configuredAt: isoInstant,
  referenceDataVersion,
});
