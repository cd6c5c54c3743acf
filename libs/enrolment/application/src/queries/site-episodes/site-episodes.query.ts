import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { decodeCursor, DEFAULT_LIMIT, pageOf, type Page } from '@alongside/platform/service-runtime';
import { EnrolmentTables } from '../enrolment-tables';
import { episodeView, type EpisodeRecord, type EpisodeView } from '../episode.view';
import type { SiteEpisodesQueryDto } from './site-episodes.dto';

export class ListSiteEpisodes extends Query<Page<EpisodeView>> {
  constructor(
    readonly siteId: SiteId,
    readonly filters: SiteEpisodesQueryDto,
  ) {
    super();
  }
}

/** The census as a list: episodes at the site (active by default), newest admission first. */
@QueryHandler(ListSiteEpisodes)
export class ListSiteEpisodesHandler implements IQueryHandler<ListSiteEpisodes> {
  constructor(private readonly tables: EnrolmentTables) {}

  async execute({ siteId, filters }: ListSiteEpisodes): Promise<Page<EpisodeView>> {
    const limit = filters.limit ?? DEFAULT_LIMIT;
    const [day, id] = decodeCursor(filters.cursor, 2) ?? ['9999-12-31', 'ffffffff-ffff-ffff-ffff-ffffffffffff'];
    const rows = await this.tables.query<EpisodeRecord>(
      'episode',
      (t) => `
        SELECT * FROM ${t}
        WHERE site_id = $1 AND status = $2 AND ($3::text IS NULL OR programme = $3) AND ($4::text IS NULL OR level_of_care = $4)
          AND (admitted_on, episode_id::text) < ($5, $6)
        ORDER BY admitted_on DESC, episode_id::text DESC
        LIMIT $7`,
      [siteId, filters.status ?? 'active', filters.programme ?? null, filters.levelOfCare ?? null, day, id, limit + 1],
    );
    return pageOf(rows, limit, episodeView, (row) => [row.admitted_on, row.episode_id]);
  }
}
