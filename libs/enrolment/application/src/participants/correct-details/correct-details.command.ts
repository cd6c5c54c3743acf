import { Command } from '@nestjs/cqrs';
import type { SiteId } from '@alongside/platform/event-sourcing';
import type { CommandOrigin } from '../../shared/command-origin';
import type { PersonalDetails } from '../../personal-details/personal-details';
import type { DetailsCorrectedDto } from './correct-details.dto';

export class CorrectParticipantDetails extends Command<DetailsCorrectedDto> {
  constructor(
    readonly siteId: SiteId,
    readonly participantId: string,
    readonly corrections: PersonalDetails,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}
