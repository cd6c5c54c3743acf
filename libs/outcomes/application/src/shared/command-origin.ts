import { newIdsIn } from '@alongside/platform/service-runtime';

/**
 * The id of what a outcomes command creates, derived from the command id in outcomes's own namespace:
 * a retried request with the same Idempotency-Key names the same thing.
 */
export const newIdFor = newIdsIn('3c9e1f70-52a4-5b8d-9e61-7a0f2d4c8b19');
