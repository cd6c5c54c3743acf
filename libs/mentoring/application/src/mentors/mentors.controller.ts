import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { siteId as toSiteId } from '@alongside/platform/event-sourcing';
import { CurrentActor, Roles } from '@alongside/platform/security';
import type { Actor } from '@alongside/platform/event-sourcing';
import type { MentorCommand } from '@alongside/mentoring/domain';
import { commandContext, CommandOriginOf, type CommandOrigin } from '@alongside/platform/service-runtime';
import { newIdFor } from '../shared/command-origin';
import { MENTORING_CLOCK, type MentoringClock } from '../shared/mentoring-clock';
import { CommandResponses } from '../shared/problem-responses';
import { ChangeMentorRecord } from './mentor.handlers';
import {
  GrantCertificationDto,
  HoldSupervisionDto,
  MentorRecordedDto,
  OnboardMentorDto,
  RaiseBoundaryConcernDto,
  RecordTrainingDto,
  RenewCertificationDto,
} from './mentor.dto';

/** The peer workforce of a site: onboarding, training, certification, supervision (site managers). */
@ApiTags('mentor workforce')
@ApiParam({ name: 'siteId', example: 'north' })
@Controller('sites/:siteId/mentors')
@Roles('site-manager')
export class MentorsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(MENTORING_CLOCK) private readonly clock: MentoringClock,
  ) {}

  private async change(site: string, mentorId: string, origin: CommandOrigin, actor: Actor, command: (at: string) => MentorCommand, id?: string) {
    const now = this.clock();
    const context = commandContext(origin, toSiteId(site), actor, now);
    const recorded: string[] = await this.commands.execute(new ChangeMentorRecord(context, mentorId, command(now.toISOString())));
    return { mentorId, ...(id && { id }), recorded };
  }

  @Post()
  @ApiCreatedResponse({ type: MentorRecordedDto, description: 'MentorOnboarded' })
  @CommandResponses()
  onboard(@Param('siteId') site: string, @Body() body: OnboardMentorDto, @CommandOriginOf() origin: CommandOrigin, @CurrentActor() actor: Actor) {
    const mentorId = body.mentorId ?? newIdFor(origin, 'mentor');
    return this.change(site, mentorId, origin, actor, (at) => ({ type: 'OnboardMentor', data: { ...body, mentorId, at } }));
  }

  @Post(':mentorId/trainings')
  @ApiCreatedResponse({ type: MentorRecordedDto, description: 'TrainingCompleted' })
  @CommandResponses()
  recordTraining(
    @Param('siteId') site: string,
    @Param('mentorId', ParseUUIDPipe) mentorId: string,
    @Body() body: RecordTrainingDto,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentActor() actor: Actor,
  ) {
    const trainingId = body.trainingId ?? newIdFor(origin, 'training');
    return this.change(site, mentorId, origin, actor, (at) => ({ type: 'RecordTraining', data: { ...body, trainingId, at } }), trainingId);
  }

  @Post(':mentorId/certifications')
  @ApiCreatedResponse({ type: MentorRecordedDto, description: 'CertificationGranted' })
  @CommandResponses()
  grantCertification(
    @Param('siteId') site: string,
    @Param('mentorId', ParseUUIDPipe) mentorId: string,
    @Body() body: GrantCertificationDto,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentActor() actor: Actor,
  ) {
    const certificationId = body.certificationId ?? newIdFor(origin, 'certification');
    return this.change(site, mentorId, origin, actor, (at) => ({ type: 'GrantCertification', data: { ...body, certificationId, at } }), certificationId);
  }

  @Post(':mentorId/certifications/:certificationId/renewals')
  @ApiCreatedResponse({ type: MentorRecordedDto, description: 'CertificationRenewed' })
  @CommandResponses()
  renewCertification(
    @Param('siteId') site: string,
    @Param('mentorId', ParseUUIDPipe) mentorId: string,
    @Param('certificationId', ParseUUIDPipe) certificationId: string,
    @Body() body: RenewCertificationDto,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentActor() actor: Actor,
  ) {
    return this.change(site, mentorId, origin, actor, (at) => ({ type: 'RenewCertification', data: { certificationId, expiresAt: body.expiresAt, at } }), certificationId);
  }

  @Post(':mentorId/supervisions')
  @ApiCreatedResponse({ type: MentorRecordedDto, description: 'SupervisionHeld' })
  @CommandResponses()
  holdSupervision(
    @Param('siteId') site: string,
    @Param('mentorId', ParseUUIDPipe) mentorId: string,
    @Body() body: HoldSupervisionDto,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentActor() actor: Actor,
  ) {
    const supervisionId = body.supervisionId ?? newIdFor(origin, 'supervision');
    return this.change(site, mentorId, origin, actor, (at) => ({ type: 'HoldSupervision', data: { ...body, supervisionId, at } }), supervisionId);
  }

  @Post(':mentorId/boundary-concerns')
  @ApiCreatedResponse({ type: MentorRecordedDto, description: 'BoundaryConcernRaised' })
  @CommandResponses()
  raiseBoundaryConcern(
    @Param('siteId') site: string,
    @Param('mentorId', ParseUUIDPipe) mentorId: string,
    @Body() body: RaiseBoundaryConcernDto,
    @CommandOriginOf() origin: CommandOrigin,
    @CurrentActor() actor: Actor,
  ) {
    const concernId = body.concernId ?? newIdFor(origin, 'concern');
    return this.change(
      site,
      mentorId,
      origin,
      actor,
      (at) => ({ type: 'RaiseBoundaryConcern', data: { concernId, supervisionId: body.supervisionId ?? null, concern: body.concern, raisedBy: actor.sub, at } }),
      concernId,
    );
  }
}
