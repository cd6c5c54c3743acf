import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { AboutParticipant, Roles } from '@alongside/platform/security';
import { Origin, type CommandOrigin } from '../../shared/command-origin';
import { CommandResponses } from '../../shared/problem-responses';
import { GrantConsent } from './grant-consent.command';
import { ConsentGrantedDto, GrantConsentDto } from './grant-consent.dto';

@ApiTags('consents')
@ApiBearerAuth()
@Controller('sites/:siteId/participants/:id/consents')
export class GrantConsentController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('clinician', 'site-manager')
  @AboutParticipant('id')
  @ApiOperation({
    summary: 'Record a consent to disclose (42 CFR Part 2)',
    description: 'Recipient, purpose, amount of information, expiry date or event, signature date. Peer-support contact and each transfer need a consent of their own.',
  })
  @ApiParam({ name: 'siteId', example: 'north' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The participant' })
  @ApiCreatedResponse({ type: ConsentGrantedDto })
  @CommandResponses()
  grant(
    @Param('siteId') siteId: SiteId,
    @Param('id', new ParseUUIDPipe()) participantId: string,
    @Body() body: GrantConsentDto,
    @Origin() origin: CommandOrigin,
  ): Promise<ConsentGrantedDto> {
    return this.commands.execute(new GrantConsent(siteId, participantId, body, origin));
  }
}
