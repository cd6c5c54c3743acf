import { newIdsIn } from '@alongside/platform/service-runtime';

/**
 * The id of what a sessions command creates, derived from the command id in sessions's own namespace:
 * a retried request with the same Idempotency-Key names the same thing.
 */
export const newIdFor = newIdsIn('2b9e6d4c-0a8f-5c13-9d7e-6f1a3b5c7d9e');
