import type { Event } from '@alongside/platform/event-sourcing';

/**
 * Someone read a participant's person-level data. Who (actor), where (siteId), when (occurredAt)
 * and under which request (correlationId) are in the event's metadata.
 */
export type PersonLevelDataRead = Event<
  'PersonLevelDataRead',
  Readonly<{ participantId: string; purpose: string; route: string; method: string }>
>;

/** Information left the service: an export, a transfer to another site, a disclosure to a third party. */
export type DisclosureMade = Event<
  'DisclosureMade',
  Readonly<{
    participantId: string;
    kind: 'export' | 'transfer' | 'disclosure';
    recipient: string;
    purpose: string;
    /** The Part 2 consent that allowed it (see mayDisclose). */
    consentId: string;
    /** Amount and kind of information disclosed. */
    information: readonly string[];
  }>
>;

export type AuditEvent = PersonLevelDataRead | DisclosureMade;

export const AUDIT_CATEGORY = 'audit';
