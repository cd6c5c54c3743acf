import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { decodeCursor, DEFAULT_LIMIT, pageOf, type Page } from '@alongside/platform/service-runtime';
import { ENROLMENT_CLOCK, type Clock } from '../../shared/clock';
import { EnrolmentTables, instant, iso } from '../enrolment-tables';
import type { TransfersQueryDto, TransferView } from './transfers.dto';

export class ListTransfers extends Query<Page<TransferView>> {
  constructor(
    readonly siteId: SiteId,
    readonly direction: 'incoming' | 'outgoing',
    readonly filters: TransfersQueryDto,
  ) {
    super();
  }
}

type Row = {
  transfer_id: string;
  direction: string;
  participant_id: string;
  from_site_id: string;
  to_site_id: string;
  source_episode_id: string;
  consent_id: string;
  requested_programme: string;
  requested_level_of_care: string;
  reason: string;
  requested_at: Date;
  respond_by: Date;
  status: string;
  answered_at: Date | null;
  decline_reason: string | null;
  destination_episode_id: string | null;
  admitted_on: string | null;
  overdue: boolean;
};

/** The site's incoming queue or its outgoing requests, newest first; overdue = pending past its time. */
@QueryHandler(ListTransfers)
export class ListTransfersHandler implements IQueryHandler<ListTransfers> {
  constructor(
    private readonly tables: EnrolmentTables,
    @Inject(ENROLMENT_CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ siteId, direction, filters }: ListTransfers): Promise<Page<TransferView>> {
    const limit = filters.limit ?? DEFAULT_LIMIT;
    const [requestedAt, id] = decodeCursor(filters.cursor, 2) ?? ['infinity', 'ffffffff-ffff-ffff-ffff-ffffffffffff'];
    const rows = await this.tables.query<Row>(
      'transfer',
      (t) => `
        SELECT *, (status = 'pending' AND respond_by < $3) AS overdue FROM ${t}
        WHERE site_id = $1 AND direction = $2 AND ($4::text IS NULL OR status = $4)
          AND ($5::boolean IS NULL OR (status = 'pending' AND respond_by < $3) = $5)
          AND (requested_at, transfer_id::text) < ($6::timestamptz, $7)
        ORDER BY requested_at DESC, transfer_id::text DESC
        LIMIT $8`,
      [siteId, direction, this.clock(), filters.status ?? null, filters.overdue ?? null, requestedAt, id, limit + 1],
    );
    return pageOf(
      rows,
      limit,
      (row) => ({
        transferId: row.transfer_id,
        direction: row.direction,
        participantId: row.participant_id,
        fromSiteId: row.from_site_id,
        toSiteId: row.to_site_id,
        sourceEpisodeId: row.source_episode_id,
        consentId: row.consent_id,
        requestedProgramme: row.requested_programme,
        requestedLevelOfCare: row.requested_level_of_care,
        reason: row.reason,
        requestedAt: instant(row.requested_at),
        respondBy: instant(row.respond_by),
        status: row.status,
        overdue: row.overdue,
        answeredAt: iso(row.answered_at),
        declineReason: row.decline_reason,
        destinationEpisodeId: row.destination_episode_id,
        admittedOn: row.admitted_on,
      }),
      (row) => [instant(row.requested_at), row.transfer_id],
    );
  }
}
