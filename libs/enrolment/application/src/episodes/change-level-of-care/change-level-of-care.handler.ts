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
    const { events } = await this.records.decide(
      siteId,
      participantId,
      { type: 'ChangeLevelOfCare', data: { episodeId, ...change, site: terms, now, referenceDataVersion } },
      commandContext(origin, siteId, clock),
    );
    const [changed] = events;
    if (changed?.type !== 'LevelOfCareChanged') throw new Error('a change of level of care decides a LevelOfCareChanged');
    return { episodeId, levelOfCare: changed.data.toLevel, programme: changed.data.toProgramme };
  }
}
