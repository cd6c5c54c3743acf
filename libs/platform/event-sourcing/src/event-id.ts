import { v5 as uuidv5 } from 'uuid';

/** Namespace of every id Alongside derives; fixed forever, changing it would break idempotency. */
export const ALONGSIDE_EVENTS = '0b9a4c5e-7f0d-5d6e-9c1a-4b2f6a1d3e70';

/**
 * Same command, same stream, same index: same event id. A retried command (same Idempotency-Key)
 * produces the ids its first attempt stored, and the store's unique event id turns it into a no-op.
 */
export const eventIdFor = (commandId: string, stream: string, index: number): string =>
  uuidv5(`${commandId}/${stream}/${index}`, ALONGSIDE_EVENTS);
