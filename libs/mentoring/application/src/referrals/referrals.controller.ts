import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommand, type ICommandHandler } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiParam, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { siteId as toSiteId } from '@alongside/platform/event-sourcing';
import type { CommandContext } from '@alongside/platform/event-store';
import { CurrentAccess, NotFoundHere, Roles, type Access } from '@alongside/platform/security';
import { REFERRAL_OUTCOMES, RESOURCE_CATEGORIES, type ReferralOutcome, type ResourceCategory } from '@alongside/mentoring/contracts';
import {
  matchDecider,
  matchStream,
  programmeDecider,
  programmeStream,
  referralDecider,
  referralStream,
  type ReferralCommand,
} from '@alongside/mentoring/domain';
import { commandContext, CommandOriginOf, type CommandOrigin } from '@alongside/platform/service-runtime';
import { ZONED } from '../mentors/mentor.dto';
import { actingMentorOf, assertOwnMatch } from '../shared/acting-mentor';
import { newIdFor } from '../shared/command-origin';
import { MENTORING_CLOCK, type MentoringClock } from '../shared/mentoring-clock';
import { MentoringLog } from '../shared/mentoring-log';
import { CommandResponses } from '../shared/problem-responses';

export class MakeReferralDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() referralId?: string;
  @ApiProperty({ enum: RESOURCE_CATEGORIES }) @IsIn(RESOURCE_CATEGORIES) category!: ResourceCategory;
  @ApiPropertyOptional({ format: 'uuid', description: "An entry of the site's resource directory" }) @IsOptional() @IsUUID() resourceId?: string;
}

export class FollowUpReferralDto {
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true, strictSeparator: true }) @Matches(ZONED, { message: 'followedUpAt must carry a zone' }) followedUpAt!: string;
  @ApiPropertyOptional({ description: 'Days until the next follow-up; none when omitted', example: 7 }) @IsOptional() @IsInt() @Min(1) @Max(365) nextFollowUpInDays?: number;
}

export class ReferralOutcomeDto {
  @ApiProperty({ enum: REFERRAL_OUTCOMES }) @IsIn(REFERRAL_OUTCOMES) outcome!: ReferralOutcome;
}

export class ReferralRecordedDto {
  @ApiProperty({ format: 'uuid' }) referralId!: string;
  @ApiProperty({ example: ['ReferralMade'] }) recorded!: string[];
}

export class MakeReferral implements ICommand {
  constructor(
    readonly context: CommandContext,
    readonly access: Access,
    readonly matchId: string,
    readonly referralId: string,
    readonly data: MakeReferralDto,
  ) {}
}

@CommandHandler(MakeReferral)
export class MakeReferralHandler implements ICommandHandler<MakeReferral, string[]> {
  constructor(private readonly log: MentoringLog) {}

  async execute({ context, access, matchId, referralId, data }: MakeReferral): Promise<string[]> {
    const { siteId, occurredAt: at } = context;
    const [match, programme] = await Promise.all([
      this.log.load(matchStream(siteId, matchId), matchDecider),
      this.log.load(programmeStream(siteId), programmeDecider),
    ]);
    assertOwnMatch(access, match);
    const resourceId = data.resourceId ?? null;
    const result = await this.log.handle(
      referralStream(siteId, referralId),
      referralDecider,
      {
        type: 'MakeReferral',
        data: {
          referralId,
          match,
          byMentorId: actingMentorOf(access),
          category: data.category,
          resourceId,
          resource: resourceId === null ? undefined : programme.resources[resourceId],
          followUpDays: programme.policy.referralFollowUpDays,
          at,
        },
      },
      context,
    );
    return result.events.map((e) => e.type);
  }
}

/** Follow-up and outcome: only the referral's own mentor (or site staff) may record them. */
export class CloseReferralLoop implements ICommand {
  constructor(
    readonly context: CommandContext,
    readonly access: Access,
    readonly referralId: string,
    readonly command: ReferralCommand,
  ) {}
}

@CommandHandler(CloseReferralLoop)
export class CloseReferralLoopHandler implements ICommandHandler<CloseReferralLoop, string[]> {
  constructor(private readonly log: MentoringLog) {}

  async execute({ context, access, referralId, command }: CloseReferralLoop): Promise<string[]> {
    const stream = referralStream(context.siteId, referralId);
    const referral = await this.log.load(stream, referralDecider);
    const mentorId = actingMentorOf(access);
    if (mentorId !== null && (referral.status === 'none' || referral.mentorId !== mentorId)) throw new NotFoundHere();
    const result = await this.log.handle(stream, referralDecider, command, context);
    return result.events.map((e) => e.type);
  }
}

@ApiTags('referrals')
@ApiParam({ name: 'siteId', example: 'north' })
@Controller('sites/:siteId')
@Roles('peer-mentor', 'site-manager')
export class ReferralsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(MENTORING_CLOCK) private readonly clock: MentoringClock,
  ) {}

  @Post('matches/:matchId/referrals')
  @ApiCreatedResponse({ type: ReferralRecordedDto, description: 'ReferralMade' })
  @CommandResponses()
  async make(
    @Param('siteId') site: string,
    @Param('matchId', ParseUUIDPipe) matchId: string,
    @Body() body: MakeReferralDto,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentAccess() access: Access,
  ): Promise<ReferralRecordedDto> {
    const referralId = body.referralId ?? newIdFor(origin, 'referral');
    const context = commandContext(origin, toSiteId(site), access.actor, this.clock());
    return { referralId, recorded: await this.commands.execute(new MakeReferral(context, access, matchId, referralId, body)) };
  }

  @Post('referrals/:referralId/follow-ups')
  @HttpCode(200)
  @ApiOkResponse({ type: ReferralRecordedDto, description: 'ReferralFollowedUp' })
  @CommandResponses()
  async followUp(
    @Param('siteId') site: string,
    @Param('referralId', ParseUUIDPipe) referralId: string,
    @Body() body: FollowUpReferralDto,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentAccess() access: Access,
  ): Promise<ReferralRecordedDto> {
    const now = this.clock();
    const context = commandContext(origin, toSiteId(site), access.actor, now);
    const command: ReferralCommand = {
      type: 'FollowUpReferral',
      data: { followedUpAt: body.followedUpAt, nextFollowUpInDays: body.nextFollowUpInDays ?? null, at: now.toISOString() },
    };
    return { referralId, recorded: await this.commands.execute(new CloseReferralLoop(context, access, referralId, command)) };
  }

  @Post('referrals/:referralId/outcome')
  @HttpCode(200)
  @ApiOkResponse({ type: ReferralRecordedDto, description: 'ReferralOutcomeRecorded' })
  @CommandResponses()
  async outcome(
    @Param('siteId') site: string,
    @Param('referralId', ParseUUIDPipe) referralId: string,
    @Body() body: ReferralOutcomeDto,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentAccess() access: Access,
  ): Promise<ReferralRecordedDto> {
    const now = this.clock();
    const context = commandContext(origin, toSiteId(site), access.actor, now);
    const command: ReferralCommand = { type: 'RecordReferralOutcome', data: { outcome: body.outcome, at: now.toISOString() } };
    return { referralId, recorded: await this.commands.execute(new CloseReferralLoop(context, access, referralId, command)) };
  }
}
