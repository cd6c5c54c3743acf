import { newIdsIn } from '@alongside/platform/service-runtime';

/**
 * The id of what a mentoring command creates, derived from the command id in mentoring's own namespace:
 * a retried request with the same Idempotency-Key names the same thing.
 */
export const newIdFor = newIdsIn('7d0f4b2a-9c3e-5a61-8f47-2b6c1d9e0a35');
