import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { siteId as toSiteId, type Actor } from '@alongside/platform/event-sourcing';
import { AboutParticipant, CurrentActor, CurrentPrincipal, PersonLevelRead, Roles, type Principal } from '@alongside/platform/security';
import { commandContext, CommandOriginOf, type CommandOrigin } from '@alongside/platform/service-runtime';
import { OUTCOMES_CLOCK, type OutcomesClock } from '../shared/outcomes-clock';
import { CommandResponses, QueryResponses } from '../shared/problem-responses';
import { SitePolicies, siteToday } from '../shared/site-policies';
import { ChangeCheckInLog } from './change-check-in-log.command';
import { CheckInNotes } from './check-in-notes';
import { CheckInDto, CheckInRecordedDto, CompanionDto, ContactRequestedDto, RecordCheckInDto, RequestContactDto } from './check-ins.dto';
import { CompanionView } from './companion-view';

/** The participant's own routes (companion app); their token reaches only their own id (404 otherwise). */
@ApiTags('companion: check-ins, milestones, mentor')
@ApiParam({ name: 'siteId', example: 'north' })
@Controller('sites/:siteId/participants/:participantId')
export class CheckInsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly view: CompanionView,
    private readonly notes: CheckInNotes,
    private readonly policies: SitePolicies,
    @Inject(OUTCOMES_CLOCK) private readonly clock: OutcomesClock,
  ) {}

  @Post('check-ins')
  @Roles('participant')
  @AboutParticipant('participantId')
  @ApiCreatedResponse({ type: CheckInRecordedDto, description: 'CheckInRecorded (or the first one, for a repeat)' })
  @CommandResponses()
  async checkIn(
    @Param('siteId') site: string,
    @Param('participantId', ParseUUIDPipe) participantId: string,
    @Body() body: RecordCheckInDto,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentActor() actor: Actor,
  ): Promise<CheckInRecordedDto> {
    await this.view.record(site, participantId);
    const now = this.clock();
    const policy = await this.policies.of(site);
    const note = body.note?.trim() ?? '';
    const { appended } = await this.commands.execute(
      new ChangeCheckInLog(
        {
          type: 'RecordCheckIn',
          data: {
            now: now.toISOString(),
            checkInId: body.checkInId,
            participantId,
            checkedInAt: body.checkedInAt,
            checkedInOn: siteToday(new Date(body.checkedInAt), policy.timeZone),
            mood: body.mood,
            craving: body.craving,
            usedToday: body.usedToday,
            hasNote: note.length > 0,
            noteShared: note.length > 0 && body.shareNoteWithMentor === true,
          },
        },
        commandContext(origin, toSiteId(site), actor, now),
      ),
    );
    // After the append: a refused check-in leaves no note behind; a repeat keeps the first note.
    if (note.length > 0) await this.notes.keep(site, participantId, { checkInId: body.checkInId, note, shared: body.shareNoteWithMentor === true });
    return { checkInId: body.checkInId, recordedNow: appended };
  }

  @Get('check-ins')
  @Roles('participant', 'peer-mentor')
  @PersonLevelRead({ participantParam: 'participantId', purpose: 'peer-support' })
  @ApiOkResponse({ type: [CheckInDto], description: "Newest first; a mentor sees a note only when the participant shared it" })
  @QueryResponses()
  checkIns(
    @Param('siteId') site: string,
    @Param('participantId', ParseUUIDPipe) participantId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CheckInDto[]> {
    return this.view.checkIns(site, participantId, principal.roles.includes('participant') ? 'participant' : 'mentor');
  }

  @Post('contact-requests')
  @Roles('participant')
  @AboutParticipant('participantId')
  @ApiCreatedResponse({ type: ContactRequestedDto, description: 'MentorContactRequested: the mentor sees it on their caseload' })
  @CommandResponses()
  async requestContact(
    @Param('siteId') site: string,
    @Param('participantId', ParseUUIDPipe) participantId: string,
    @Body() body: RequestContactDto,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentActor() actor: Actor,
  ): Promise<ContactRequestedDto> {
    await this.view.record(site, participantId);
    const now = this.clock();
    const { events } = await this.commands.execute(
      new ChangeCheckInLog({ type: 'RequestMentorContact', data: { now: now.toISOString(), requestId: body.requestId, participantId } }, commandContext(origin, toSiteId(site), actor, now)),
    );
    const requested = events.find((e) => e.type === 'MentorContactRequested');
    return { requestId: body.requestId, requestedAt: requested?.type === 'MentorContactRequested' ? requested.data.requestedAt : now.toISOString() };
  }

  @Get('companion')
  @Roles('participant')
  @PersonLevelRead({ participantParam: 'participantId', purpose: 'participant-request' })
  @ApiOkResponse({ type: CompanionDto, description: 'Milestones, mentor and recent check-ins, as the companion app shows them' })
  @QueryResponses()
  companion(@Param('siteId') site: string, @Param('participantId', ParseUUIDPipe) participantId: string): Promise<CompanionDto> {
    return this.view.companion(site, participantId);
  }
}
