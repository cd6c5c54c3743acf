import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { AboutParticipant, Roles } from '@alongside/platform/security';
import { Origin, type CommandOrigin } from '../../shared/command-origin';
import { CommandResponses } from '../../shared/problem-responses';
import { RevokeConsent } from './revoke-consent.command';
import { ConsentRevokedDto } from './revoke-consent.dto';

@ApiTags('consents')
@ApiBearerAuth()
@Controller('sites/:siteId/participants/:id/consents/:consentId/revocation')
export class RevokeConsentController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Roles('clinician', 'site-manager')
  @AboutParticipant('id')
  @ApiOperation({ summary: 'Record that the participant revoked a consent', description: 'A revoked consent stops disclosures from then on.' })
  @ApiParam({ name: 'siteId', example: 'north' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The participant' })
  @ApiParam({ name: 'consentId', format: 'uuid' })
  @ApiOkResponse({ type: ConsentRevokedDto })
  @CommandResponses()
  revoke(
    @Param('siteId') siteId: SiteId,
    @Param('id', new ParseUUIDPipe()) participantId: string,
    @Param('consentId', new ParseUUIDPipe()) consentId: string,
    @Origin() origin: CommandOrigin,
  ): Promise<ConsentRevokedDto> {
    return this.commands.execute(new RevokeConsent(siteId, participantId, consentId, origin));
  }
}
