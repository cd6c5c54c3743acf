import { v5 as uuidv5 } from 'uuid';
import { siteId as toSiteId } from '@alongside/platform/event-sourcing';
import type { CommandContext } from '@alongside/platform/event-store';

const SWEEPS = '3e9b1c7d-2f4a-5b68-9d0e-6a1f2c3b4d57';

/**
 * A sweep is a command given by the clock, not a person. Its id is derived from what it sweeps
 * and the instant, so two replicas sweeping at the same instant append once.
 */
export const sweepContext = (sweeper: string, site: string, id: string, now: Date): CommandContext => {
  const commandId = uuidv5(`${sweeper}/${site}/${id}/${now.toISOString()}`, SWEEPS);
  return {
    commandId,
    correlationId: commandId,
    siteId: toSiteId(site),
    actor: { sub: `mentoring-${sweeper}`, role: 'system' },
    occurredAt: now.toISOString(),
  };
};
