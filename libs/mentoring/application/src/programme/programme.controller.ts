import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Put, HttpCode } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommand, type ICommandHandler } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiParam, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { siteId as toSiteId } from '@alongside/platform/event-sourcing';
import type { CommandContext } from '@alongside/platform/event-store';
import { CurrentAccess, Roles, type Access } from '@alongside/platform/security';
import { MUTUAL_AID_FELLOWSHIPS, RESOURCE_CATEGORIES, type MutualAidFellowship, type ResourceCategory } from '@alongside/mentoring/contracts';
import { programmeDecider, programmeStream, type MentoringPolicy, type ProgrammeCommand } from '@alongside/mentoring/domain';
import { commandContext, CommandOriginOf, type CommandOrigin } from '@alongside/platform/service-runtime';
import { newIdFor } from '../shared/command-origin';
import { MENTORING_CLOCK, type MentoringClock } from '../shared/mentoring-clock';
import { MentoringLog } from '../shared/mentoring-log';
import { CommandResponses, QueryResponses } from '../shared/problem-responses';

export class MentoringPolicyDto {
  @ApiProperty({ example: [7, 30, 90, 180], description: 'Days after discharge when aftercare check-ins fall due' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(3650, { each: true })
  aftercareCheckInDays!: number[];
  @ApiProperty({ example: 7 }) @IsInt() @Min(1) @Max(365) checkInMissedAfterDays!: number;
  @ApiProperty({ example: 60 }) @IsInt() @Min(1) @Max(10080) urgentAcknowledgeWithinMinutes!: number;
  @ApiProperty({ example: 480 }) @IsInt() @Min(1) @Max(10080) soonAcknowledgeWithinMinutes!: number;
  @ApiProperty({ example: 4320 }) @IsInt() @Min(1) @Max(43200) routineAcknowledgeWithinMinutes!: number;
  @ApiProperty({ example: 7 }) @IsInt() @Min(1) @Max(365) referralFollowUpDays!: number;
}

export class ListResourceDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() resourceId?: string;
  @ApiProperty({ enum: RESOURCE_CATEGORIES }) @IsIn(RESOURCE_CATEGORIES) category!: ResourceCategory;
  @ApiProperty({ example: 'Tuesday evening NA meeting' }) @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiPropertyOptional({ enum: MUTUAL_AID_FELLOWSHIPS, description: 'For mutual-aid meetings only' }) @IsOptional() @IsIn(MUTUAL_AID_FELLOWSHIPS) fellowship?: MutualAidFellowship;
  @ApiProperty({ example: 'Open meeting, step-free access.' }) @IsString() @MaxLength(2000) description!: string;
  @ApiProperty({ example: '12 Mill Street, Tuesdays 19:00' }) @IsString() @MaxLength(500) contact!: string;
}

export class ProgrammeRecordedDto {
  @ApiPropertyOptional({ format: 'uuid' }) resourceId?: string;
  @ApiProperty({ example: ['MentoringPolicySet'] }) recorded!: string[];
}

export class ChangeProgramme implements ICommand {
  constructor(
    readonly context: CommandContext,
    readonly command: ProgrammeCommand,
  ) {}
}

@CommandHandler(ChangeProgramme)
export class ChangeProgrammeHandler implements ICommandHandler<ChangeProgramme, string[]> {
  constructor(private readonly log: MentoringLog) {}

  async execute({ context, command }: ChangeProgramme): Promise<string[]> {
    const result = await this.log.handle(programmeStream(context.siteId), programmeDecider, command, context);
    return result.events.map((e) => e.type);
  }
}

@ApiTags('mentoring programme')
@ApiParam({ name: 'siteId', example: 'north' })
@Controller('sites/:siteId')
export class ProgrammeController {
  constructor(
    private readonly commands: CommandBus,
    private readonly log: MentoringLog,
    @Inject(MENTORING_CLOCK) private readonly clock: MentoringClock,
  ) {}

  @Get('mentoring-policy')
  @Roles('site-manager', 'peer-mentor', 'clinician')
  @ApiOkResponse({ type: MentoringPolicyDto, description: "The site's policy (defaults until one is set)" })
  @QueryResponses()
  async policy(@Param('siteId') site: string): Promise<MentoringPolicy> {
    return (await this.log.load(programmeStream(toSiteId(site)), programmeDecider)).policy;
  }

  @Put('mentoring-policy')
  @HttpCode(200)
  @Roles('site-manager')
  @ApiOkResponse({ type: ProgrammeRecordedDto, description: 'MentoringPolicySet' })
  @CommandResponses()
  async setPolicy(@Param('siteId') site: string, @Body() body: MentoringPolicyDto, @CommandOriginOf() origin: CommandOrigin, @CurrentAccess() access: Access) {
    const now = this.clock();
    const context = commandContext(origin, toSiteId(site), access.actor, now);
    const command: ProgrammeCommand = { type: 'SetMentoringPolicy', data: { policy: { ...body }, setBy: access.actor.sub, at: now.toISOString() } };
    return { recorded: await this.commands.execute(new ChangeProgramme(context, command)) };
  }

  @Post('community-resources')
  @Roles('site-manager')
  @ApiCreatedResponse({ type: ProgrammeRecordedDto, description: 'CommunityResourceListed' })
  @CommandResponses()
  async list(@Param('siteId') site: string, @Body() body: ListResourceDto, @CommandOriginOf() origin: CommandOrigin, @CurrentAccess() access: Access) {
    const now = this.clock();
    const resourceId = body.resourceId ?? newIdFor(origin, 'resource');
    const context = commandContext(origin, toSiteId(site), access.actor, now);
    const command: ProgrammeCommand = {
      type: 'ListCommunityResource',
      data: { ...body, resourceId, fellowship: body.fellowship ?? null, at: now.toISOString() },
    };
    return { resourceId, recorded: await this.commands.execute(new ChangeProgramme(context, command)) };
  }

  @Post('community-resources/:resourceId/withdrawal')
  @HttpCode(200)
  @Roles('site-manager')
  @ApiOkResponse({ type: ProgrammeRecordedDto, description: 'CommunityResourceWithdrawn' })
  @CommandResponses()
  async withdraw(
    @Param('siteId') site: string,
    @Param('resourceId', ParseUUIDPipe) resourceId: string,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentAccess() access: Access,
  ) {
    const now = this.clock();
    const context = commandContext(origin, toSiteId(site), access.actor, now);
    return { resourceId, recorded: await this.commands.execute(new ChangeProgramme(context, { type: 'WithdrawCommunityResource', data: { resourceId, at: now.toISOString() } })) };
  }
}
