import { Body, Controller, Delete, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { siteId as toSiteId } from '@alongside/platform/event-sourcing';
import { CurrentAccess, Roles, type Access } from '@alongside/platform/security';
import type { Venue } from '@alongside/sessions/contracts';
import { commandContext, CommandOriginOf, type CommandOrigin } from '@alongside/platform/service-runtime';
import { newIdFor } from '../shared/command-origin';
import { CommandResponses } from '../shared/problem-responses';
import { SESSIONS_CLOCK, type SessionsClock } from '../shared/sessions-clock';
import { ScheduleAdHocSession, ScheduleSessions, type SessionsScheduled } from '../sessions/sessions.handlers';
import { RecordedDto } from '../sessions/sessions.dto';
import { AdHocSessionDto, CreateGroupDto, EnrolMemberDto, GroupCreatedDto, MembershipDto, ScheduleSessionsDto, SessionsScheduledDto } from './groups.dto';
import { ChangeMembership, CreateGroup } from './groups.handlers';

@ApiTags('groups')
@ApiParam({ name: 'siteId', example: 'north' })
@Controller('sites/:siteId/groups')
export class GroupsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(SESSIONS_CLOCK) private readonly clock: SessionsClock,
  ) {}

  private context(site: string, origin: CommandOrigin, access: Access) {
    return commandContext(origin, toSiteId(site), access.actor, this.clock());
  }

  @Post()
  @Roles('facilitator', 'site-manager')
  @ApiCreatedResponse({ type: GroupCreatedDto, description: "GroupCreated; the schedule is read in the site's time zone" })
  @CommandResponses()
  async create(@Param('siteId') site: string, @Body() body: CreateGroupDto, @CommandOriginOf() origin: CommandOrigin, @CurrentAccess() access: Access): Promise<GroupCreatedDto> {
    const groupId = body.groupId ?? newIdFor(origin, 'group');
    const venue: Venue = body.link !== undefined && body.location === undefined ? { kind: 'online', link: body.link } : { kind: 'place', location: body.location ?? '' };
    const schedule = { slots: body.schedule.slots.map((s) => ({ ...s })), startsOn: body.schedule.startsOn, endsOn: body.schedule.endsOn ?? null, exceptions: body.schedule.exceptions ?? [] };
    const timeZone: string = await this.commands.execute(
      new CreateGroup(this.context(site, origin, access), { groupId, name: body.name, kind: body.kind, facilitator: { ...body.facilitator }, capacity: body.capacity, venue, schedule }),
    );
    return { groupId, timeZone };
  }

  @Post(':groupId/members')
  @Roles('facilitator', 'site-manager')
  @ApiCreatedResponse({ type: MembershipDto, description: 'MemberEnrolled, or MemberWaitlisted when the group is full' })
  @CommandResponses()
  async enrol(
    @Param('siteId') site: string,
    @Param('groupId', ParseUUIDPipe) groupId: string,
    @Body() body: EnrolMemberDto,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentAccess() access: Access,
  ): Promise<MembershipDto> {
    return { recorded: await this.commands.execute(new ChangeMembership(this.context(site, origin, access), 'EnrolMember', groupId, body.participantId)) };
  }

  @Delete(':groupId/members/:participantId')
  @HttpCode(200)
  @Roles('facilitator', 'site-manager')
  @ApiOkResponse({ type: MembershipDto, description: 'MemberWithdrawn, and MemberPromoted for the first on the waiting list' })
  @CommandResponses()
  async withdraw(
    @Param('siteId') site: string,
    @Param('groupId', ParseUUIDPipe) groupId: string,
    @Param('participantId', ParseUUIDPipe) participantId: string,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentAccess() access: Access,
  ): Promise<MembershipDto> {
    return { recorded: await this.commands.execute(new ChangeMembership(this.context(site, origin, access), 'WithdrawMember', groupId, participantId)) };
  }

  @Post(':groupId/schedule-runs')
  @Roles('facilitator', 'site-manager')
  @ApiCreatedResponse({ type: SessionsScheduledDto, description: 'The sessions of the next weeks from the schedule; a repeat schedules nothing new' })
  @CommandResponses()
  async schedule(
    @Param('siteId') site: string,
    @Param('groupId', ParseUUIDPipe) groupId: string,
    @Body() body: ScheduleSessionsDto,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentAccess() access: Access,
  ): Promise<SessionsScheduled> {
    return this.commands.execute(new ScheduleSessions(this.context(site, origin, access), groupId, body.from, body.weeks));
  }

  @Post(':groupId/sessions')
  @Roles('facilitator', 'site-manager')
  @ApiCreatedResponse({ description: 'An ad hoc session (SessionScheduled)', schema: { properties: { sessionId: { type: 'string', format: 'uuid' }, recorded: { type: 'array', items: { type: 'string' } } } } })
  @CommandResponses()
  async adHoc(
    @Param('siteId') site: string,
    @Param('groupId', ParseUUIDPipe) groupId: string,
    @Body() body: AdHocSessionDto,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentAccess() access: Access,
  ): Promise<RecordedDto & { sessionId: string }> {
    const sessionId = newIdFor(origin, 'session');
    const recorded: string[] = await this.commands.execute(new ScheduleAdHocSession(this.context(site, origin, access), groupId, sessionId, body.startsAt, body.durationMinutes));
    return { sessionId, recorded };
  }
}
