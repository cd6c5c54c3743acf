import { randomUUID } from 'node:crypto';
import { siteId, type NewEvent } from '@alongside/platform/event-sourcing';

/**
 * An event as a clinician's command at a site would write it, for specs that fill a log. A subpath
 * of its own (`@alongside/platform/testing/events`): jest's global setup loads the package's index
 * without path aliases, so the index may not import event-sourcing.
 */
export const testEvent = (type: string, site: string, data: Record<string, unknown>): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: {
    siteId: siteId(site),
    schemaVersion: 1,
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: { sub: 'clinician-1', role: 'clinician' },
    occurredAt: '2026-03-01T09:00:00.000Z',
  },
});
