import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { RegisterParticipant as RegisterParticipantCommand } from '@alongside/enrolment/domain';
import { commandContext, newIdFor } from '../../shared/command-origin';
import { givenFields } from '../../personal-details/personal-details';
import { PersonalDetailsStore } from '../../personal-details/personal-details.store';
import { SiteCalendar } from '../../sites/site-calendar';
import { ParticipantRecords, referenceDataVersion } from '../participant-records';
import { RegisterParticipant } from './register-participant.command';
import type { ParticipantRegisteredDto } from './register-participant.dto';

@CommandHandler(RegisterParticipant)
export class RegisterParticipantHandler implements ICommandHandler<RegisterParticipant> {
  constructor(
    private readonly records: ParticipantRecords,
    private readonly calendar: SiteCalendar,
    private readonly personalDetails: PersonalDetailsStore,
  ) {}

  async execute({ siteId, details, origin }: RegisterParticipant): Promise<ParticipantRegisteredDto> {
    const { now, clock } = await this.calendar.at(siteId);
    const participantId = newIdFor(origin, 'participant');
    const detailsId = newIdFor(origin, 'details');
    const command: RegisterParticipantCommand = {
      type: 'RegisterParticipant',
      data: { participantId, siteId, detailsId, fields: givenFields(details), now, referenceDataVersion },
    };
    // The stream is the participant's own, named by the command: a conflict on it can only be a
    // concurrent retry of this request, whose events the next attempt finds and answers with.
    await this.records.decideWith(
      siteId,
      participantId,
      command,
      commandContext(origin, siteId, clock),
      (transaction) => this.personalDetails.seal(siteId, participantId, detailsId, details, clock, transaction),
      { retriesOnConflict: 1 },
    );
    return { participantId };
  }
}
