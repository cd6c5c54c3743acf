import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { NotFoundHere } from '@alongside/platform/security';
import { decodeCursor, DEFAULT_LIMIT, pageOf, type Page } from '@alongside/platform/service-runtime';
import { EnrolmentTables } from '../enrolment-tables';
import { episodeView, type EpisodeRecord, type EpisodeView } from '../episode.view';

export class GetParticipantEpisodes extends Query<Page<EpisodeView>> {
  constructor(
    readonly siteId: SiteId,
    readonly participantId: string,
    readonly cursor: string | undefined,
    readonly limit: number | undefined,
  ) {
    super();
  }
}

/** A participant's episodes at the site, newest admission first. */
@QueryHandler(GetParticipantEpisodes)
export class GetParticipantEpisodesHandler implements IQueryHandler<GetParticipantEpisodes> {
  constructor(private readonly tables: EnrolmentTables) {}

  async execute({ siteId, participantId, cursor, limit = DEFAULT_LIMIT }: GetParticipantEpisodes): Promise<Page<EpisodeView>> {
    const known = await this.tables.query('participant', (t) => `SELECT 1 FROM ${t} WHERE site_id = $1 AND participant_id = $2`, [siteId, participantId]);
    if (known.length === 0) throw new NotFoundHere();
    const [day, id] = decodeCursor(cursor, 2) ?? ['9999-12-31', 'ffffffff-ffff-ffff-ffff-ffffffffffff'];
    const rows = await this.tables.query<EpisodeRecord>(
      'episode',
      (t) => `
        SELECT * FROM ${t}
        WHERE site_id = $1 AND participant_id = $2 AND (admitted_on, episode_id::text) < ($3, $4)
        ORDER BY admitted_on DESC, episode_id::text DESC
        LIMIT $5`,
      [siteId, participantId, day, id, limit + 1],
    );
    return pageOf(rows, limit, episodeView, (row) => [row.admitted_on, row.episode_id]);
  }
}
