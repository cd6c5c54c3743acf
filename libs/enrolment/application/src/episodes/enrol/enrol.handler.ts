import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandContext, newIdFor } from '../../shared/command-origin';
import { ParticipantRecords, referenceDataVersion } from '../../participants/participant-records';
import { SiteCalendar } from '../../sites/site-calendar';
import type { EpisodeOpenedDto } from '../admission.dto';
import { EnrolParticipant } from './enrol.command';

@CommandHandler(EnrolParticipant)
export class EnrolParticipantHandler implements ICommandHandler<EnrolParticipant> {
  constructor(
    private readonly records: ParticipantRecords,
    private readonly calendar: SiteCalendar,
  ) {}

  async execute({ siteId, participantId, admission, origin }: EnrolParticipant): Promise<EpisodeOpenedDto> {
    const { terms, now, clock } = await this.calendar.at(siteId);
    const episodeId = newIdFor(origin, 'episode');
    await this.records.decide(
      siteId,
      participantId,
      { type: 'Enrol', data: { episodeId, ...admission, site: terms, now, referenceDataVersion } },
      commandContext(origin, siteId, clock),
    );
    return { episodeId };
  }
}
