import { Command } from '@nestjs/cqrs';
import type { SiteId } from '@alongside/platform/event-sourcing';
import type { CommandOrigin } from '../../shared/command-origin';
import type { PersonalDetails } from '../../personal-details/personal-details';
import type { ParticipantRegisteredDto } from './register-participant.dto';

export class RegisterParticipant extends Command<ParticipantRegisteredDto> {
  constructor(
    readonly siteId: SiteId,
    readonly details: PersonalDetails,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}
