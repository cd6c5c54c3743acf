import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Actor, SiteId } from '@alongside/platform/event-sourcing';
import { AuditTrail } from '@alongside/platform/security';
import { decodeCursor, DEFAULT_LIMIT, pageOf, type Page } from '@alongside/platform/service-runtime';
import { PersonalDetailsRow } from '../../personal-details/personal-details-row.entity';
import { PersonalDetailsStore } from '../../personal-details/personal-details.store';
import { EnrolmentTables } from '../enrolment-tables';
import type { ParticipantMatchView } from './find-participants.dto';

export class FindParticipants extends Query<Page<ParticipantMatchView>> {
  constructor(
    readonly siteId: SiteId,
    readonly name: string,
    readonly cursor: string | undefined,
    readonly limit: number | undefined,
    /** Who searches: every person shown is a person-level read, recorded in their audit trail. */
    readonly reader: Readonly<{ actor: Actor; correlationId: string; route: string }>,
  ) {
    super();
  }
}

type Row = { participant_id: string; details_id: string; active_episode_id: string | null };

/**
 * Finds people by name through the blind index: the query's tokens, HMAC'd with the site's key,
 * must all be among the tokens of the current version of their details. No name is ever compared,
 * stored or logged in clear.
 */
@QueryHandler(FindParticipants)
export class FindParticipantsHandler implements IQueryHandler<FindParticipants> {
  constructor(
    private readonly tables: EnrolmentTables,
    private readonly personalDetails: PersonalDetailsStore,
    private readonly audit: AuditTrail,
  ) {}

  async execute({ siteId, name, cursor, limit = DEFAULT_LIMIT, reader }: FindParticipants): Promise<Page<ParticipantMatchView>> {
    const tokens = this.personalDetails.queryTokens(siteId, name);
    if (tokens.length === 0) return { items: [], nextCursor: null };
    const [after] = decodeCursor(cursor, 1) ?? [''];
    const details = this.tables.dataSource.getMetadata(PersonalDetailsRow).tablePath.split('.').map((part) => `"${part}"`).join('.');
    const rows = await this.tables.query<Row>(
      'participant',
      (t) => `
        SELECT p.participant_id, p.details_id, p.active_episode_id
        FROM ${t} p JOIN ${details} d ON d.details_id = p.details_id
        WHERE p.site_id = $1 AND p.erased_at IS NULL AND d.name_tokens @> $2::text[] AND p.participant_id::text > $3
        ORDER BY p.participant_id
        LIMIT $4`,
      [siteId, tokens, after, limit + 1],
    );
    const revealed = await this.personalDetails.revealMany(rows.map((r) => ({ participantId: r.participant_id, detailsId: r.details_id })));
    const shown = rows.filter((r) => revealed.get(r.details_id)?.erased === false);
    for (const row of shown.slice(0, limit)) {
      await this.audit.recordAccess({
        actor: reader.actor,
        siteId,
        participantId: row.participant_id,
        purpose: 'treatment',
        route: reader.route,
        method: 'GET',
        correlationId: reader.correlationId,
      });
    }
    return pageOf(
      shown,
      limit,
      (row) => {
        const found = revealed.get(row.details_id);
        const d = found && !found.erased ? found.details : {};
        return {
          participantId: row.participant_id,
          givenName: d.givenName ?? '',
          familyName: d.familyName ?? '',
          ...(d.preferredName !== undefined && { preferredName: d.preferredName }),
          dateOfBirth: d.dateOfBirth ?? '',
          inTreatment: row.active_episode_id !== null,
        };
      },
      (row) => [row.participant_id],
    );
  }
}
