import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { NotFoundHere } from '@alongside/platform/security';
import { decodeCursor, DEFAULT_LIMIT, pageOf, type Page } from '@alongside/platform/service-runtime';
import { SiteCalendar } from '../../sites/site-calendar';
import { EnrolmentTables, instant, iso } from '../enrolment-tables';
import type { ConsentsQueryDto, ConsentView } from './consents.dto';

export class ListConsents extends Query<Page<ConsentView>> {
  constructor(
    readonly siteId: SiteId,
    readonly participantId: string,
    readonly filters: ConsentsQueryDto,
  ) {
    super();
  }
}

type Row = {
  consent_id: string;
  participant_id: string;
  purpose: string;
  recipient: Record<string, string>;
  information_categories: string[];
  expiry: Record<string, string>;
  expires_on: string | null;
  signed_on: string;
  granted_at: Date;
  revoked_at: Date | null;
  ended_on: string | null;
  reference_data_version: number;
};

// The same rule as the decider's: active up to and including the expiry day, at the site.
const ACTIVE = `revoked_at IS NULL AND ended_on IS NULL AND (expires_on IS NULL OR expires_on >= $3)`;

/** A participant's consents, newest first; active ones only unless asked for all. */
@QueryHandler(ListConsents)
export class ListConsentsHandler implements IQueryHandler<ListConsents> {
  constructor(
    private readonly tables: EnrolmentTables,
    private readonly calendar: SiteCalendar,
  ) {}

  async execute({ siteId, participantId, filters }: ListConsents): Promise<Page<ConsentView>> {
    const known = await this.tables.query('participant', (t) => `SELECT 1 FROM ${t} WHERE site_id = $1 AND participant_id = $2`, [siteId, participantId]);
    if (known.length === 0) throw new NotFoundHere();
    const { now } = await this.calendar.at(siteId);
    const limit = filters.limit ?? DEFAULT_LIMIT;
    const [grantedAt, id] = decodeCursor(filters.cursor, 2) ?? ['infinity', 'ffffffff-ffff-ffff-ffff-ffffffffffff'];
    const rows = await this.tables.query<Row & { active: boolean }>(
      'consent',
      (t) => `
        SELECT *, (${ACTIVE}) AS active FROM ${t}
        WHERE site_id = $1 AND participant_id = $2 AND ($4 = 'all' OR (${ACTIVE})) AND ($5::text IS NULL OR purpose = $5)
          AND (granted_at, consent_id::text) < ($6::timestamptz, $7)
        ORDER BY granted_at DESC, consent_id::text DESC
        LIMIT $8`,
      [siteId, participantId, now.today, filters.status ?? 'active', filters.purpose ?? null, grantedAt, id, limit + 1],
    );
    return pageOf(
      rows,
      limit,
      (row) => ({
        consentId: row.consent_id,
        participantId: row.participant_id,
        purpose: row.purpose,
        recipient: row.recipient,
        informationCategories: row.information_categories,
        expiry: row.expiry,
        signedOn: row.signed_on,
        grantedAt: instant(row.granted_at),
        revokedAt: iso(row.revoked_at),
        endedOn: row.ended_on,
        active: row.active,
        referenceDataVersion: row.reference_data_version,
      }),
      (row) => [instant(row.granted_at), row.consent_id],
    );
  }
}
