import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { Roles } from '@alongside/platform/security';
import { Origin, type CommandOrigin } from '../../shared/command-origin';
import { CommandResponses } from '../../shared/problem-responses';
import { detailsOf } from '../details-of';
import { PersonalDetailsDto } from '../personal-details.dto';
import { RegisterParticipant } from './register-participant.command';
import { ParticipantRegisteredDto } from './register-participant.dto';

@ApiTags('participants')
@ApiBearerAuth()
@Controller('sites/:siteId/participants')
export class RegisterParticipantController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('clinician', 'site-manager')
  @ApiOperation({
    summary: 'Register a person at the site',
    description: "The details are sealed with the person's own key; ParticipantRegistered, published to the other services, carries none of them.",
  })
  @ApiParam({ name: 'siteId', example: 'north' })
  @ApiCreatedResponse({ type: ParticipantRegisteredDto })
  @CommandResponses()
  register(@Param('siteId') siteId: SiteId, @Body() body: PersonalDetailsDto, @Origin() origin: CommandOrigin): Promise<ParticipantRegisteredDto> {
    return this.commands.execute(new RegisterParticipant(siteId, detailsOf(body), origin));
  }
}
