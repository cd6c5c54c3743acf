import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandContext } from '../../shared/command-origin';
import { ParticipantRecords, referenceDataVersion } from '../../participants/participant-records';
import { SiteCalendar } from '../../sites/site-calendar';
import { ChangeLevelOfCare } from './change-level-of-care.command';
import type { LevelOfCareChangedDto } from './change-level-of-care.dto';

@CommandHandler(ChangeLevelOfCare)
export class ChangeLevelOfCareHandler implements ICommandHandler<ChangeLevelOfCare> {
  constructor(
    private readonly records: ParticipantRecords,
    private readonly calendar: SiteCalendar,
  ) {}

  async execute({ siteId, participantId, episodeId, change, origin }: ChangeLevelOfCare): Promise<LevelOfCareChangedDto> {
    const { terms, now, clock } = await this.calendar.at(siteId);
    const { state } = await this.records.decide(
      siteId,
      participantId,
      { type: 'ChangeLevelOfCare', data: { episodeId, ...change, site: terms, now, referenceDataVersion } },
      commandContext(origin, siteId, clock),
    );
    const episode = state.episodes.find((e) => e.episodeId === episodeId)!;
    return { episodeId, levelOfCare: episode.levelOfCare, programme: episode.programme };
  }
}
