import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CorrectParticipantDetails as CorrectDetailsCommand } from '@alongside/enrolment/domain';
import { commandContext, newIdFor } from '../../shared/command-origin';
import { givenFields } from '../../personal-details/personal-details';
import { PersonalDetailsStore } from '../../personal-details/personal-details.store';
import { SiteCalendar } from '../../sites/site-calendar';
import { ParticipantRecords, referenceDataVersion } from '../participant-records';
import { CorrectParticipantDetails } from './correct-details.command';
import type { DetailsCorrectedDto } from './correct-details.dto';

/** A correction is a new, complete version of the details: the corrected fields over the current ones. */
@CommandHandler(CorrectParticipantDetails)
export class CorrectParticipantDetailsHandler implements ICommandHandler<CorrectParticipantDetails> {
  constructor(
    private readonly records: ParticipantRecords,
    private readonly calendar: SiteCalendar,
    private readonly personalDetails: PersonalDetailsStore,
  ) {}

  async execute({ siteId, participantId, corrections, origin }: CorrectParticipantDetails): Promise<DetailsCorrectedDto> {
    const { now, clock } = await this.calendar.at(siteId);
    const detailsId = newIdFor(origin, 'details');
    const correctedFields = givenFields(corrections);
    const command: CorrectDetailsCommand = { type: 'CorrectParticipantDetails', data: { detailsId, fields: correctedFields, now, referenceDataVersion } };
    const state = await this.records.check(siteId, participantId, command);
    const current = await this.personalDetails.reveal(participantId, state.detailsId);
    const merged = { ...(current && !current.erased ? current.details : {}), ...corrections };
    await this.records.decideWith(siteId, participantId, command, commandContext(origin, siteId, clock), (transaction) =>
      this.personalDetails.seal(siteId, participantId, detailsId, merged, clock, transaction),
    );
    return { detailsId, correctedFields };
  }
}
