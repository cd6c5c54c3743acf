import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { NotFoundHere } from '@alongside/platform/security';
import { PersonalDetailsStore } from '../../personal-details/personal-details.store';
import { EnrolmentTables, iso } from '../enrolment-tables';
import { episodeView, type EpisodeRecord } from '../episode.view';
import { personalDetailsView } from '../personal-details.view';
import type { ParticipantView } from './participant.dto';

export class GetParticipant extends Query<ParticipantView> {
  constructor(
    readonly siteId: SiteId,
    readonly participantId: string,
  ) {
    super();
  }
}

export type ParticipantRecord = {
  participant_id: string;
  site_id: string;
  status: string;
  registered_at: Date | null;
  referenced_from_site_id: string | null;
  details_id: string | null;
  details_recorded_at: Date | null;
  erased_at: Date | null;
  active_episode_id: string | null;
};

@QueryHandler(GetParticipant)
export class GetParticipantHandler implements IQueryHandler<GetParticipant> {
  constructor(
    private readonly tables: EnrolmentTables,
    private readonly personalDetails: PersonalDetailsStore,
  ) {}

  async execute({ siteId, participantId }: GetParticipant): Promise<ParticipantView> {
    const [row] = await this.tables.query<ParticipantRecord>('participant', (t) => `SELECT * FROM ${t} WHERE site_id = $1 AND participant_id = $2`, [
      siteId,
      participantId,
    ]);
    if (!row) throw new NotFoundHere();
    const [episode] = row.active_episode_id
      ? await this.tables.query<EpisodeRecord>('episode', (t) => `SELECT * FROM ${t} WHERE site_id = $1 AND episode_id = $2`, [siteId, row.active_episode_id])
      : [];
    const revealed = row.erased_at ? null : await this.personalDetails.reveal(participantId, row.details_id);
    return {
      participantId,
      siteId,
      status: row.status,
      registeredAt: iso(row.registered_at),
      referencedFromSiteId: row.referenced_from_site_id,
      erased: row.erased_at !== null || revealed?.erased === true,
      details: revealed && !revealed.erased ? personalDetailsView(revealed.details) : null,
      detailsRecordedAt: iso(row.details_recorded_at),
      activeEpisode: episode ? episodeView(episode) : null,
    };
  }
}
