import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@alongside/platform/event-sourcing';
import { CurrentActor, Roles } from '@alongside/platform/security';
import { CommandOriginOf, type CommandOrigin } from '@alongside/platform/service-runtime';
import { ParticipantRecordGateway } from '../participant-record/participant-record-gateway';
import { newIdFor } from '../shared/command-origin';
import { CommandResponses } from '../shared/problem-responses';
import { RecordDrugScreenDto, RecordedDto, RecordReturnToUseDto, ReportSubstanceUseDto } from './substance-use.dto';

@ApiTags('substance use')
@ApiParam({ name: 'siteId', example: 'north' })
@Controller('sites/:siteId/participants/:participantId')
export class SubstanceUseController {
  constructor(private readonly records: ParticipantRecordGateway) {}

  @Post('drug-screens')
  @Roles('clinician')
  @ApiCreatedResponse({ type: RecordedDto, description: 'DrugScreenRecorded; positive when a non-prescribed substance is' })
  @CommandResponses()
  async screen(
    @Param('siteId') site: string,
    @Param('participantId', ParseUUIDPipe) participantId: string,
    @Body() body: RecordDrugScreenDto,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentActor() actor: Actor,
  ): Promise<RecordedDto> {
    const id = body.screenId ?? newIdFor(origin, 'drug-screen');
    const { events } = await this.records.change(site, origin, actor, (clock) => ({
      type: 'RecordDrugScreen',
      data: { ...clock, participantId, screenId: id, specimen: body.specimen, collectedAt: body.collectedAt, results: body.results.map((r) => ({ ...r })), recordedBy: actor.sub },
    }));
    return { id, recorded: events.map((e) => e.type) };
  }

  @Post('substance-use-reports')
  @Roles('clinician')
  @ApiCreatedResponse({ type: RecordedDto, description: 'SubstanceUseReported' })
  @CommandResponses()
  async report(
    @Param('siteId') site: string,
    @Param('participantId', ParseUUIDPipe) participantId: string,
    @Body() body: ReportSubstanceUseDto,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentActor() actor: Actor,
  ): Promise<RecordedDto> {
    const id = body.reportId ?? newIdFor(origin, 'use-report');
    const { events } = await this.records.change(site, origin, actor, (clock) => ({
      type: 'ReportSubstanceUse',
      data: { ...clock, participantId, reportId: id, periodDays: body.periodDays, substances: body.substances.map((s) => ({ ...s })), recordedBy: actor.sub },
    }));
    return { id, recorded: events.map((e) => e.type) };
  }

  @Post('lapses')
  @Roles('clinician')
  @ApiCreatedResponse({ type: RecordedDto, description: "LapseRecorded (and SobrietyStartSet where the site's policy restarts the count on a lapse)" })
  @CommandResponses()
  async lapse(
    @Param('siteId') site: string,
    @Param('participantId', ParseUUIDPipe) participantId: string,
    @Body() body: RecordReturnToUseDto,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentActor() actor: Actor,
  ): Promise<RecordedDto> {
    const id = body.id ?? newIdFor(origin, 'lapse');
    const { events } = await this.records.change(site, origin, actor, (clock, policy) => ({
      type: 'RecordLapse',
      data: { ...clock, participantId, lapseId: id, occurredOn: body.occurredOn.slice(0, 10), substances: body.substances, recordedBy: actor.sub, policy },
    }));
    return { id, recorded: events.map((e) => e.type) };
  }

  @Post('relapses')
  @Roles('clinician')
  @ApiCreatedResponse({ type: RecordedDto, description: 'RelapseRecorded and SobrietyStartSet (a relapse restarts the count)' })
  @CommandResponses()
  async relapse(
    @Param('siteId') site: string,
    @Param('participantId', ParseUUIDPipe) participantId: string,
    @Body() body: RecordReturnToUseDto,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentActor() actor: Actor,
  ): Promise<RecordedDto> {
    const id = body.id ?? newIdFor(origin, 'relapse');
    const { events } = await this.records.change(site, origin, actor, (clock) => ({
      type: 'RecordRelapse',
      data: { ...clock, participantId, relapseId: id, occurredOn: body.occurredOn.slice(0, 10), substances: body.substances, recordedBy: actor.sub },
    }));
    return { id, recorded: events.map((e) => e.type) };
  }
}
