import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { participantStream, type ParticipantEvent } from '@alongside/enrolment/domain';
import type { RecordedEvent, SiteId } from '@alongside/platform/event-sourcing';
import { EVENT_STORE, type EventStore } from '@alongside/platform/event-store';
import { DisclosureAccounting, NotFoundHere } from '@alongside/platform/security';
import type { AccountingOfDisclosuresView, DisclosureView } from './disclosures.dto';

export class GetAccountingOfDisclosures extends Query<AccountingOfDisclosuresView> {
  constructor(
    readonly siteId: SiteId,
    readonly participantId: string,
  ) {
    super();
  }
}

/**
 * The accounting of disclosures (42 CFR 2.24), three years, newest first: what the audit trail
 * recorded, and every transfer request, which sent the participant's record to another site under
 * a transfer consent. The transfers are read from the participant's own stream, the record of
 * truth, so that the accounting can never miss one the read models have not caught up with.
 */
@QueryHandler(GetAccountingOfDisclosures)
export class GetAccountingOfDisclosuresHandler implements IQueryHandler<GetAccountingOfDisclosures> {
  constructor(
    private readonly accounting: DisclosureAccounting,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ siteId, participantId }: GetAccountingOfDisclosures): Promise<AccountingOfDisclosuresView> {
    const { events } = await this.store.readStream(participantStream(siteId, participantId));
    const recorded = events as unknown as RecordedEvent<ParticipantEvent>[];
    if (recorded.length === 0) throw new NotFoundHere();
    const accounting = await this.accounting.accountFor(siteId, participantId);
    const from = Date.parse(accounting.from);
    const to = Date.parse(accounting.to);
    const consents = new Map(
      recorded.flatMap((e) => (e.type === 'ConsentGranted' ? [[e.data.consentId, e.data.informationCategories] as const] : [])),
    );
    const transfers: DisclosureView[] = recorded
      .flatMap((e) => (e.type === 'TransferRequested' ? [e] : []))
      .filter((e) => Date.parse(e.data.requestedAt) >= from && Date.parse(e.data.requestedAt) <= to)
      .map((e) => ({
        disclosedAt: e.data.requestedAt,
        kind: 'transfer',
        recipient: e.data.toSiteId,
        purpose: 'transfer',
        consentId: e.data.consentId,
        information: [...(consents.get(e.data.consentId) ?? [])],
        disclosedBy: { sub: e.metadata.actor.sub, role: e.metadata.actor.role },
        correlationId: e.metadata.correlationId,
      }));
    const disclosures = [...accounting.disclosures.map((d) => ({ ...d, information: [...d.information] })), ...transfers].sort(
      (a, b) => Date.parse(b.disclosedAt) - Date.parse(a.disclosedAt),
    );
    return { participantId, siteId, from: accounting.from, to: accounting.to, disclosures };
  }
}
