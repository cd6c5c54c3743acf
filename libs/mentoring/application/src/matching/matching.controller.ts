import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { siteId as toSiteId } from '@alongside/platform/event-sourcing';
import { CurrentAccess, Roles, type Access } from '@alongside/platform/security';
import { commandContext, CommandOriginOf, type CommandOrigin } from '@alongside/platform/service-runtime';
import { newIdFor } from '../shared/command-origin';
import { MENTORING_CLOCK, type MentoringClock } from '../shared/mentoring-clock';
import { CommandResponses, QueryResponses } from '../shared/problem-responses';
import { EndMatchDto, MatchRecordedDto, MatchSuggestionsDto, MatchSuggestionsQuery, ProposeMatchDto } from './matching.dto';
import { AcceptMatch, EndMatch, ProposeMatch, SuggestMentors } from './matching.handlers';

@ApiTags('matching')
@ApiParam({ name: 'siteId', example: 'north' })
@Controller('sites/:siteId')
export class MatchingController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(MENTORING_CLOCK) private readonly clock: MentoringClock,
  ) {}

  @Get('match-suggestions')
  @Roles('site-manager')
  @ApiOkResponse({ type: MatchSuggestionsDto, description: 'Every mentor of the site, ranked; ineligible ones last, with why' })
  @QueryResponses()
  async suggestions(@Param('siteId') site: string, @Query() query: MatchSuggestionsQuery): Promise<MatchSuggestionsDto> {
    const needs = { languages: query.languages ?? [], specialities: query.specialities ?? [] };
    return { items: await this.queries.execute(new SuggestMentors(toSiteId(site), needs, this.clock().toISOString())) };
  }

  @Post('matches')
  @Roles('site-manager')
  @ApiCreatedResponse({ type: MatchRecordedDto, description: 'MatchProposed' })
  @CommandResponses()
  async propose(@Param('siteId') site: string, @Body() body: ProposeMatchDto, @CommandOriginOf() origin: CommandOrigin, @CurrentAccess() access: Access) {
    const matchId = body.matchId ?? newIdFor(origin, 'match');
    const context = commandContext(origin, toSiteId(site), access.actor, this.clock());
    const recorded: string[] = await this.commands.execute(new ProposeMatch(context, { matchId, participantId: body.participantId, mentorId: body.mentorId }));
    return { matchId, recorded };
  }

  @Post('matches/:matchId/acceptance')
  @HttpCode(200)
  @Roles('site-manager', 'peer-mentor')
  @ApiOkResponse({ type: MatchRecordedDto, description: 'MatchAccepted' })
  @CommandResponses()
  async accept(@Param('siteId') site: string, @Param('matchId', ParseUUIDPipe) matchId: string, @CommandOriginOf() origin: CommandOrigin, @CurrentAccess() access: Access) {
    const context = commandContext(origin, toSiteId(site), access.actor, this.clock());
    const recorded: string[] = await this.commands.execute(new AcceptMatch(context, access, matchId));
    return { matchId, recorded };
  }

  @Post('matches/:matchId/end')
  @HttpCode(200)
  @Roles('site-manager', 'peer-mentor')
  @ApiOkResponse({ type: MatchRecordedDto, description: 'MatchEnded' })
  @CommandResponses()
  async end(
    @Param('siteId') site: string,
    @Param('matchId', ParseUUIDPipe) matchId: string,
    @Body() body: EndMatchDto,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentAccess() access: Access,
  ) {
    const context = commandContext(origin, toSiteId(site), access.actor, this.clock());
    const recorded: string[] = await this.commands.execute(new EndMatch(context, access, matchId, body.reason));
    return { matchId, recorded };
  }
}
