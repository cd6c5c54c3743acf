import { Command } from '@nestjs/cqrs';
import type { SiteId } from '@alongside/platform/event-sourcing';
import type { CommandOrigin } from '../../shared/command-origin';
import type { AdmissionDto, EpisodeOpenedDto } from '../admission.dto';

export class EnrolParticipant extends Command<EpisodeOpenedDto> {
  constructor(
    readonly siteId: SiteId,
    readonly participantId: string,
    readonly admission: AdmissionDto,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}
