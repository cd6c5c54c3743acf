import { Command } from '@nestjs/cqrs';
import type { SiteId } from '@alongside/platform/event-sourcing';
import type { CommandOrigin } from '../../shared/command-origin';
import type { ChangeLevelOfCareDto, LevelOfCareChangedDto } from './change-level-of-care.dto';

export class ChangeLevelOfCare extends Command<LevelOfCareChangedDto> {
  constructor(
    readonly siteId: SiteId,
    readonly participantId: string,
    readonly episodeId: string,
    readonly change: ChangeLevelOfCareDto,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}
