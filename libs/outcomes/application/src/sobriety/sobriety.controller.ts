import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { milestoneProgress } from '@alongside/outcomes/domain';
import { ParticipantSobrietyRow } from '@alongside/outcomes/read-models';
import type { Actor } from '@alongside/platform/event-sourcing';
import { AboutParticipant, CurrentActor, NotFoundHere, PersonLevelRead, Roles } from '@alongside/platform/security';
import { CommandOriginOf, type CommandOrigin } from '@alongside/platform/service-runtime';
import { OutcomeTables } from '../dashboards/outcome-tables';
import { ParticipantRecordGateway } from '../participant-record/participant-record-gateway';
import { OUTCOMES_CLOCK, type OutcomesClock } from '../shared/outcomes-clock';
import { CommandResponses, QueryResponses } from '../shared/problem-responses';
import { SitePolicies, siteToday } from '../shared/site-policies';
import { RecordedDto } from '../substance-use/substance-use.dto';
import { RecordMilestoneDto, SetSobrietyDateDto, SobrietyDto } from './sobriety.dto';

@ApiTags('sobriety and milestones')
@ApiParam({ name: 'siteId', example: 'north' })
@Controller('sites/:siteId/participants/:participantId')
export class SobrietyController {
  constructor(
    private readonly records: ParticipantRecordGateway,
    private readonly policies: SitePolicies,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tables: OutcomeTables,
    @Inject(OUTCOMES_CLOCK) private readonly clock: OutcomesClock,
  ) {}

  @Put('sobriety-date')
  @HttpCode(200)
  @Roles('clinician')
  @ApiOkResponse({ type: RecordedDto, description: 'SobrietyStartSet' })
  @CommandResponses()
  async setDate(
    @Param('siteId') site: string,
    @Param('participantId', ParseUUIDPipe) participantId: string,
    @Body() body: SetSobrietyDateDto,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentActor() actor: Actor,
  ): Promise<RecordedDto> {
    const { events } = await this.records.change(site, origin, actor, (clock) => ({
      type: 'SetSobrietyStart',
      data: { ...clock, participantId, startedOn: body.startedOn.slice(0, 10) },
    }));
    return { id: participantId, recorded: events.map((e) => e.type) };
  }

  /** Peer mentors record milestones for the participants they walk with (caseload checked: 404 otherwise). */
  @Post('milestones')
  @Roles('clinician', 'peer-mentor')
  @AboutParticipant('participantId')
  @ApiCreatedResponse({ type: RecordedDto, description: 'SobrietyMilestoneReached' })
  @CommandResponses()
  async milestone(
    @Param('siteId') site: string,
    @Param('participantId', ParseUUIDPipe) participantId: string,
    @Body() body: RecordMilestoneDto,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentActor() actor: Actor,
  ): Promise<RecordedDto> {
    const { events } = await this.records.change(site, origin, actor, (clock, policy) => ({
      type: 'RecordMilestone',
      data: { ...clock, participantId, milestoneDays: body.milestoneDays, policy, recordedBy: actor.sub },
    }));
    return { id: participantId, recorded: events.map((e) => e.type) };
  }

  @Get('sobriety')
  @Roles('clinician', 'peer-mentor', 'participant')
  @PersonLevelRead({ participantParam: 'participantId', purpose: 'treatment' })
  @ApiOkResponse({ type: SobrietyDto })
  @QueryResponses()
  async sobriety(@Param('siteId') siteId: string, @Param('participantId', ParseUUIDPipe) participantId: string): Promise<SobrietyDto> {
    const { outcome_episode: episodes } = await this.tables.tables('outcome_episode');
    const admitted = await this.tables.query(`select 1 from ${episodes} where site_id = $1 and participant_id::text = $2 limit 1`, [siteId, participantId]);
    if (admitted.length === 0) throw new NotFoundHere();
    const policy = await this.policies.of(siteId);
    const row = await this.dataSource.getRepository(ParticipantSobrietyRow).findOneBy({ siteId, participantId });
    const milestoneDays = [...policy.milestoneDays];
    if (!row) return { participantId, startedOn: null, days: null, milestoneDays, reached: [], nextMilestone: milestoneDays[0] ?? null };
    const progress = milestoneProgress(row.startedOn, siteToday(this.clock(), policy.timeZone), milestoneDays);
    return { participantId, startedOn: row.startedOn, days: progress.days, milestoneDays, reached: row.milestonesReached, nextMilestone: progress.next };
  }
}
