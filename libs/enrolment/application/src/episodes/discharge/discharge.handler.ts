import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandContext } from '../../shared/command-origin';
import { ParticipantRecords, referenceDataVersion } from '../../participants/participant-records';
import { SiteCalendar } from '../../sites/site-calendar';
import { DischargeParticipant } from './discharge.command';
import type { DischargedDto } from './discharge.dto';

@CommandHandler(DischargeParticipant)
export class DischargeParticipantHandler implements ICommandHandler<DischargeParticipant> {
  constructor(
    private readonly records: ParticipantRecords,
    private readonly calendar: SiteCalendar,
  ) {}

  async execute({ siteId, participantId, episodeId, discharge, origin }: DischargeParticipant): Promise<DischargedDto> {
    const { now, clock } = await this.calendar.at(siteId);
    const { events } = await this.records.decide(
      siteId,
      participantId,
      { type: 'Discharge', data: { episodeId, ...discharge, now, referenceDataVersion } },
      commandContext(origin, siteId, clock),
    );
    const discharged = events.find((e) => e.type === 'Discharged');
    return { episodeId, lengthOfStayDays: discharged?.type === 'Discharged' ? discharged.data.lengthOfStayDays : 0 };
  }
}
