import type { Actor, SiteId } from '@alongside/platform/event-sourcing';
import type { DisclosureMade } from './audit-events';
import { accountingPeriodStart } from './accounting-period';
import type { AuditTrail } from './audit-trail';

export type Disclosure = Readonly<
  Omit<DisclosureMade['data'], 'participantId'> & { disclosedAt: string; disclosedBy: Actor; correlationId: string }
>;

export type Accounting = Readonly<{ participantId: string; siteId: SiteId; from: string; to: string; disclosures: Disclosure[] }>;

/** The accounting of disclosures of one participant at one site over the past three years, newest first. */
export class DisclosureAccounting {
  constructor(
    private readonly trail: AuditTrail,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async accountFor(siteId: SiteId, participantId: string, at: Date = this.clock()): Promise<Accounting> {
    const from = accountingPeriodStart(at);
    const disclosures = (await this.trail.read(siteId, participantId))
      .filter((event): event is typeof event & DisclosureMade => event.type === 'DisclosureMade')
      .filter((event) => {
        const when = new Date(event.metadata.occurredAt).getTime();
        return when >= from.getTime() && when <= at.getTime();
      })
      .map(({ data: { participantId: _, ...data }, metadata }) => ({
        ...data,
        disclosedAt: metadata.occurredAt,
        disclosedBy: metadata.actor,
        correlationId: metadata.correlationId,
      }))
      .sort((a, b) => new Date(b.disclosedAt).getTime() - new Date(a.disclosedAt).getTime());
    return { participantId, siteId, from: from.toISOString(), to: at.toISOString(), disclosures };
  }
}
