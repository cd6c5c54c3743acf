import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@alongside/platform/event-sourcing';
import { CurrentActor, Roles } from '@alongside/platform/security';
import { CommandOriginOf, type CommandOrigin } from '@alongside/platform/service-runtime';
import { ParticipantRecordGateway } from '../participant-record/participant-record-gateway';
import { newIdFor } from '../shared/command-origin';
import { CommandResponses } from '../shared/problem-responses';
import { RecordedDto } from '../substance-use/substance-use.dto';
import { RecordEmergencyVisitDto, RecordReadmissionDto, RecordReintegrationDto } from './care.dto';

@ApiTags('care and reintegration')
@ApiParam({ name: 'siteId', example: 'north' })
@Controller('sites/:siteId/participants/:participantId')
export class CareController {
  constructor(private readonly records: ParticipantRecordGateway) {}

  @Post('readmissions')
  @Roles('clinician')
  @ApiCreatedResponse({ type: RecordedDto, description: 'ReadmissionRecorded' })
  @CommandResponses()
  async readmission(
    @Param('siteId') site: string,
    @Param('participantId', ParseUUIDPipe) participantId: string,
    @Body() body: RecordReadmissionDto,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentActor() actor: Actor,
  ): Promise<RecordedDto> {
    const id = body.readmissionId ?? newIdFor(origin, 'readmission');
    const { events } = await this.records.change(site, origin, actor, (clock) => ({
      type: 'RecordReadmission',
      data: { ...clock, participantId, readmissionId: id, setting: body.setting, admittedOn: body.admittedOn.slice(0, 10), recordedBy: actor.sub },
    }));
    return { id, recorded: events.map((e) => e.type) };
  }

  @Post('emergency-visits')
  @Roles('clinician')
  @ApiCreatedResponse({ type: RecordedDto, description: 'EmergencyVisitRecorded' })
  @CommandResponses()
  async emergencyVisit(
    @Param('siteId') site: string,
    @Param('participantId', ParseUUIDPipe) participantId: string,
    @Body() body: RecordEmergencyVisitDto,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentActor() actor: Actor,
  ): Promise<RecordedDto> {
    const id = body.visitId ?? newIdFor(origin, 'emergency-visit');
    const { events } = await this.records.change(site, origin, actor, (clock) => ({
      type: 'RecordEmergencyVisit',
      data: { ...clock, participantId, visitId: id, visitedOn: body.visitedOn.slice(0, 10), substanceRelated: body.substanceRelated, overdose: body.overdose, recordedBy: actor.sub },
    }));
    return { id, recorded: events.map((e) => e.type) };
  }

  @Post('reintegration-reviews')
  @Roles('clinician')
  @ApiCreatedResponse({ type: RecordedDto, description: 'ReintegrationRecorded (intake, discharge, 30/90/180-day follow-ups)' })
  @CommandResponses()
  async reintegration(
    @Param('siteId') site: string,
    @Param('participantId', ParseUUIDPipe) participantId: string,
    @Body() body: RecordReintegrationDto,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentActor() actor: Actor,
  ): Promise<RecordedDto> {
    const { events } = await this.records.change(site, origin, actor, (clock) => ({
      type: 'RecordReintegration',
      data: {
        ...clock,
        participantId,
        checkpoint: body.checkpoint,
        livingSituation: body.livingSituation,
        occupation: body.occupation,
        socialConnectedness: body.socialConnectedness,
        recordedOn: body.recordedOn.slice(0, 10),
        recordedBy: actor.sub,
      },
    }));
    return { id: participantId, recorded: events.map((e) => e.type) };
  }
}
