import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { siteId as toSiteId } from '@alongside/platform/event-sourcing';
import { CurrentAccess, Roles, type Access } from '@alongside/platform/security';
import { commandContext, CommandOriginOf, type CommandOrigin } from '@alongside/platform/service-runtime';
import { AttendanceCorrectedDto, AttendanceRecordedDto, CorrectAttendanceDto, GroupNoteDto, RecordAttendanceDto } from '../attendance/attendance.dto';
import { ReadGroupNote, RecordAttendance, type AttendanceOutcome } from '../attendance/attendance.handlers';
import { CorrectAttendance, type CorrectionOutcome } from '../attendance/correct-attendance.handler';
import { newIdFor } from '../shared/command-origin';
import { CommandResponses, QueryResponses } from '../shared/problem-responses';
import { SESSIONS_CLOCK, type SessionsClock } from '../shared/sessions-clock';
import { CancelSessionDto, MarkSessionHeldDto, RecordedDto } from './sessions.dto';
import { ChangeSession } from './sessions.handlers';

@ApiTags('sessions')
@ApiParam({ name: 'siteId', example: 'north' })
@Controller('sites/:siteId/sessions/:sessionId')
export class SessionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(SESSIONS_CLOCK) private readonly clock: SessionsClock,
  ) {}

  private context(site: string, origin: CommandOrigin, access: Access) {
    return commandContext(origin, toSiteId(site), access.actor, this.clock());
  }

  @Post('cancellation')
  @HttpCode(200)
  @Roles('facilitator', 'site-manager')
  @ApiOkResponse({ type: RecordedDto, description: 'SessionCancelled with its reason' })
  @CommandResponses()
  async cancel(
    @Param('siteId') site: string,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() body: CancelSessionDto,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentAccess() access: Access,
  ): Promise<RecordedDto> {
    return { recorded: await this.commands.execute(new ChangeSession(this.context(site, origin, access), sessionId, { type: 'CancelSession', reason: body.reason })) };
  }

  @Post('held')
  @HttpCode(200)
  @Roles('facilitator', 'site-manager')
  @ApiOkResponse({ type: RecordedDto, description: 'SessionHeld with start, end and topic' })
  @CommandResponses()
  async held(
    @Param('siteId') site: string,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() body: MarkSessionHeldDto,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentAccess() access: Access,
  ): Promise<RecordedDto> {
    return {
      recorded: await this.commands.execute(
        new ChangeSession(this.context(site, origin, access), sessionId, { type: 'MarkSessionHeld', startedAt: body.startedAt, endedAt: body.endedAt, topic: body.topic }),
      ),
    };
  }

  @Post('attendance')
  @HttpCode(200)
  @Roles('facilitator', 'site-manager')
  @ApiOkResponse({ type: AttendanceRecordedDto, description: 'AttendanceRecorded per participant, and UnitsComputed where billable' })
  @CommandResponses()
  async attendance(
    @Param('siteId') site: string,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() body: RecordAttendanceDto,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentAccess() access: Access,
  ): Promise<AttendanceOutcome> {
    const note = body.groupNote === undefined ? null : { noteId: newIdFor(origin, 'group-note'), text: body.groupNote };
    const entries = body.entries.map((e) => ({ participantId: e.participantId, status: e.status, minutesAttended: e.minutesAttended }));
    return this.commands.execute(new RecordAttendance(this.context(site, origin, access), sessionId, entries, note));
  }

  @Post('attendance/:participantId/corrections')
  @HttpCode(200)
  @Roles('facilitator', 'site-manager')
  @ApiOkResponse({ type: AttendanceCorrectedDto, description: 'AttendanceCorrected beside the entry as taken, and UnitsCorrected where billable' })
  @CommandResponses()
  correct(
    @Param('siteId') site: string,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Param('participantId', ParseUUIDPipe) participantId: string,
    @Body() body: CorrectAttendanceDto,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentAccess() access: Access,
  ): Promise<CorrectionOutcome> {
    const entry = { participantId, status: body.status, minutesAttended: body.minutesAttended };
    return this.commands.execute(new CorrectAttendance(this.context(site, origin, access), sessionId, entry, body.reason));
  }

  @Get('note')
  @Roles('facilitator', 'site-manager', 'clinician')
  @ApiOkResponse({ type: GroupNoteDto, description: "The session's one group note" })
  @QueryResponses()
  note(@Param('siteId') site: string, @Param('sessionId', ParseUUIDPipe) sessionId: string): Promise<GroupNoteDto> {
    return this.queries.execute(new ReadGroupNote(toSiteId(site), sessionId));
  }
}
