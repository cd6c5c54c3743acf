import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandContext, newIdFor } from '../../shared/command-origin';
import { ParticipantRecords, referenceDataVersion } from '../../participants/participant-records';
import { SiteCalendar } from '../../sites/site-calendar';
import { ReadmitParticipant } from './readmit.command';
import type { ReadmittedDto } from './readmit.dto';

@CommandHandler(ReadmitParticipant)
export class ReadmitParticipantHandler implements ICommandHandler<ReadmitParticipant> {
  constructor(
    private readonly records: ParticipantRecords,
    private readonly calendar: SiteCalendar,
  ) {}

  async execute({ siteId, participantId, admission, origin }: ReadmitParticipant): Promise<ReadmittedDto> {
    const { terms, now, clock } = await this.calendar.at(siteId);
    const episodeId = newIdFor(origin, 'episode');
    const { events } = await this.records.decide(
      siteId,
      participantId,
      { type: 'Readmit', data: { episodeId, ...admission, site: terms, now, referenceDataVersion } },
      commandContext(origin, siteId, clock),
    );
    // On a repeat these are the first readmission's events.
    const [readmitted] = events;
    if (readmitted?.type !== 'Readmitted') throw new Error('a readmission decides a Readmitted');
    return { episodeId, previousEpisodeId: readmitted.data.previousEpisodeId };
  }
}
