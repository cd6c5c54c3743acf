import { Command } from '@nestjs/cqrs';
import type { SiteId } from '@alongside/platform/event-sourcing';
import type { CommandOrigin } from '../../shared/command-origin';
import type { AdmissionDto } from '../admission.dto';
import type { ReadmittedDto } from './readmit.dto';

export class ReadmitParticipant extends Command<ReadmittedDto> {
  constructor(
    readonly siteId: SiteId,
    readonly participantId: string,
    readonly admission: AdmissionDto,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}
