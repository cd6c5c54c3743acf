import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, DataSource } from 'typeorm';
import type { AssessmentRecorded, SafetyAlertRaised } from '@alongside/outcomes/contracts';
import { SafetyAlertRow } from '@alongside/outcomes/read-models';
import { CurrentActor, Roles } from '@alongside/platform/security';
import type { Actor } from '@alongside/platform/event-sourcing';
import { CommandOriginOf, type CommandOrigin } from '@alongside/platform/service-runtime';
import { ParticipantRecordGateway } from '../participant-record/participant-record-gateway';
import { newIdFor } from '../shared/command-origin';
import { CommandResponses, QueryResponses } from '../shared/problem-responses';
import { AssessmentRecordedDto, OpenSafetyAlertDto, RecordAssessmentDto, ResolveSafetyAlertDto, SafetyAlertChangedDto } from './assessments.dto';

@ApiTags('assessments')
@ApiParam({ name: 'siteId', example: 'north' })
@Controller('sites/:siteId')
export class AssessmentsController {
  constructor(
    private readonly records: ParticipantRecordGateway,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Post('participants/:participantId/assessments')
  @Roles('clinician')
  @ApiCreatedResponse({ type: AssessmentRecordedDto, description: 'AssessmentRecorded, scored by the service; SafetyAlertRaised too when PHQ-9 item 9 is above 0' })
  @CommandResponses()
  async record(
    @Param('siteId') site: string,
    @Param('participantId', ParseUUIDPipe) participantId: string,
    @Body() body: RecordAssessmentDto,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentActor() actor: Actor,
  ): Promise<AssessmentRecordedDto> {
    const { events } = await this.records.change(site, origin, actor, (clock) => ({
      type: 'RecordAssessment',
      data: {
        ...clock,
        participantId,
        assessmentId: body.assessmentId ?? newIdFor(origin, 'assessment'),
        alertId: newIdFor(origin, 'safety-alert'),
        instrument: body.instrument,
        items: body.items,
        difficulty: body.difficulty ?? null,
        administeredAt: body.administeredAt,
        recordedBy: actor.sub,
      },
    }));
    const recorded = events.find((e): e is AssessmentRecorded => e.type === 'AssessmentRecorded');
    const alert = events.find((e): e is SafetyAlertRaised => e.type === 'SafetyAlertRaised');
    if (!recorded) throw new Error('An assessment command decided no AssessmentRecorded');
    const { assessmentId, instrument, instrumentVersion, total, band } = recorded.data;
    return { assessmentId, instrument, instrumentVersion, total, band, safetyAlertId: alert?.data.alertId ?? null };
  }

  @Post('participants/:participantId/safety-alerts/:alertId/acknowledgement')
  @HttpCode(200)
  @Roles('clinician')
  @ApiOkResponse({ type: SafetyAlertChangedDto })
  @CommandResponses()
  async acknowledge(
    @Param('siteId') site: string,
    @Param('participantId', ParseUUIDPipe) participantId: string,
    @Param('alertId', ParseUUIDPipe) alertId: string,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentActor() actor: Actor,
  ): Promise<SafetyAlertChangedDto> {
    const { events } = await this.records.change(site, origin, actor, (clock) => ({
      type: 'AcknowledgeSafetyAlert',
      data: { ...clock, participantId, alertId, acknowledgedBy: actor.sub },
    }));
    return { alertId, status: 'acknowledged', at: (events[0]?.data as { acknowledgedAt: string }).acknowledgedAt };
  }

  @Post('participants/:participantId/safety-alerts/:alertId/resolution')
  @HttpCode(200)
  @Roles('clinician')
  @ApiOkResponse({ type: SafetyAlertChangedDto })
  @CommandResponses()
  async resolve(
    @Param('siteId') site: string,
    @Param('participantId', ParseUUIDPipe) participantId: string,
    @Param('alertId', ParseUUIDPipe) alertId: string,
    @Body() body: ResolveSafetyAlertDto,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentActor() actor: Actor,
  ): Promise<SafetyAlertChangedDto> {
    const { events } = await this.records.change(site, origin, actor, (clock) => ({
      type: 'ResolveSafetyAlert',
      data: { ...clock, participantId, alertId, resolvedBy: actor.sub, resolution: body.resolution },
    }));
    return { alertId, status: 'resolved', at: (events[0]?.data as { resolvedAt: string }).resolvedAt };
  }

  /** The clinicians' queue: open alerts, unacknowledged first. Ids only; no names, no answers. */
  @Get('safety-alerts')
  @Roles('clinician', 'site-manager')
  @ApiOkResponse({ type: [OpenSafetyAlertDto] })
  @QueryResponses()
  async open(@Param('siteId') siteId: string): Promise<OpenSafetyAlertDto[]> {
    const rows = await this.dataSource.getRepository(SafetyAlertRow).find({
      where: { siteId, resolvedAt: IsNull() },
      order: { acknowledgedAt: { direction: 'ASC', nulls: 'FIRST' }, raisedAt: 'ASC' },
      take: 200,
    });
    return rows.map((r) => ({
      alertId: r.alertId,
      participantId: r.participantId,
      assessmentId: r.assessmentId,
      raisedAt: r.raisedAt.toISOString(),
      acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
      acknowledgedBy: r.acknowledgedBy,
    }));
  }
}
