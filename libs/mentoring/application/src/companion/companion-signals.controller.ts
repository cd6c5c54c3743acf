import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';
import { participantStream } from '@alongside/mentoring/domain';
import { siteId as toSiteId } from '@alongside/platform/event-sourcing';
import { NotFoundHere, PersonLevelRead, Roles } from '@alongside/platform/security';
import { QueryResponses } from '../shared/problem-responses';
import { MentoringLog } from '../shared/mentoring-log';
import { CompanionSignals, type CompanionSignalKind } from './companion-signals';
import { companionStream } from './companion-stream';

export class CompanionSignalDto {
  @ApiProperty({ format: 'uuid' }) signalId!: string;
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty({ enum: ['craving-high-three-days', 'used-today', 'quiet-week-after-daily', 'contact-requested'] }) kind!: CompanionSignalKind;
  @ApiProperty({ example: '2026-05-03' }) onDay!: string;
  @ApiProperty() raisedAt!: string;
  @ApiProperty({ description: 'The words the mentor reads, which the participant sees too' }) explanation!: string;
}

/**
 * Flags and requests from a participant's companion app. The mentor reads them on their caseload;
 * the participant reads exactly the same list, so nothing is said about them behind their back.
 */
@ApiTags('companion signals')
@ApiParam({ name: 'siteId', example: 'north' })
@Controller('sites/:siteId/participants/:participantId/companion-signals')
export class CompanionSignalsController {
  constructor(
    private readonly signals: CompanionSignals,
    private readonly log: MentoringLog,
  ) {}

  @Get()
  @Roles('participant', 'peer-mentor', 'site-manager')
  @PersonLevelRead({ participantParam: 'participantId', purpose: 'peer-support' })
  @ApiOkResponse({ type: [CompanionSignalDto], description: 'Newest first' })
  @QueryResponses()
  async list(@Param('siteId') site: string, @Param('participantId', ParseUUIDPipe) participantId: string): Promise<CompanionSignalDto[]> {
    const siteId = toSiteId(site);
    const known = (await this.log.exists(companionStream(siteId, participantId))) || (await this.log.exists(participantStream(siteId, participantId)));
    if (!known) throw new NotFoundHere();
    return this.signals.ofParticipant(siteId, participantId);
  }
}
