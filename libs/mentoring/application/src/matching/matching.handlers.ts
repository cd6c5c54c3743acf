import { CommandHandler, QueryHandler, type ICommand, type ICommandHandler, type IQuery, type IQueryHandler } from '@nestjs/cqrs';
import type { SiteId } from '@alongside/platform/event-sourcing';
import type { CommandContext } from '@alongside/platform/event-store';
import type { Access } from '@alongside/platform/security';
import type { MatchEndReason } from '@alongside/mentoring/contracts';
import {
  matchDecider,
  matchStream,
  mentorDecider,
  mentorStream,
  participantDecider,
  participantStream,
  peerContactConsentAt,
  suggestMentors,
  type MatchSuggestion,
  type MentorStanding,
  type ParticipantNeeds,
} from '@alongside/mentoring/domain';
import { assertOwnMatch } from '../shared/acting-mentor';
import { MentoringLog } from '../shared/mentoring-log';
import { MentoringViews } from '../queries/mentoring-views';

/** What the matching rules need to know about a mentor, from their record and their caseload. */
const standingOf = async (log: MentoringLog, views: MentoringViews, siteId: SiteId, mentorId: string): Promise<MentorStanding | null> => {
  const mentor = await log.load(mentorStream(siteId, mentorId), mentorDecider);
  if (mentor.status !== 'onboarded') return null;
  return {
    mentorId,
    certifications: Object.values(mentor.certifications),
    maxCaseload: mentor.maxCaseload,
    openMatches: await views.openMatchesOf(siteId, mentorId),
  };
};

const consentOf = async (log: MentoringLog, siteId: SiteId, participantId: string, at: string) =>
  peerContactConsentAt(await log.load(participantStream(siteId, participantId), participantDecider), at);

export class ProposeMatch implements ICommand {
  constructor(
    readonly context: CommandContext,
    readonly data: { matchId: string; participantId: string; mentorId: string },
  ) {}
}

@CommandHandler(ProposeMatch)
export class ProposeMatchHandler implements ICommandHandler<ProposeMatch, string[]> {
  constructor(
    private readonly log: MentoringLog,
    private readonly views: MentoringViews,
  ) {}

  async execute({ context, data }: ProposeMatch): Promise<string[]> {
    const { siteId, occurredAt: at } = context;
    const [mentor, consent, openMatchId] = await Promise.all([
      standingOf(this.log, this.views, siteId, data.mentorId),
      consentOf(this.log, siteId, data.participantId, at),
      this.views.openMatchOfParticipant(siteId, data.participantId, data.matchId),
    ]);
    const result = await this.log.handle(
      matchStream(siteId, data.matchId),
      matchDecider,
      { type: 'ProposeMatch', data: { matchId: data.matchId, participantId: data.participantId, mentor, consent, openMatchId, proposedBy: context.actor.sub, at } },
      context,
    );
    return result.events.map((e) => e.type);
  }
}

export class AcceptMatch implements ICommand {
  constructor(
    readonly context: CommandContext,
    readonly access: Access,
    readonly matchId: string,
  ) {}
}

@CommandHandler(AcceptMatch)
export class AcceptMatchHandler implements ICommandHandler<AcceptMatch, string[]> {
  constructor(
    private readonly log: MentoringLog,
    private readonly views: MentoringViews,
  ) {}

  async execute({ context, access, matchId }: AcceptMatch): Promise<string[]> {
    const { siteId, occurredAt: at } = context;
    const stream = matchStream(siteId, matchId);
    const match = await this.log.load(stream, matchDecider);
    assertOwnMatch(access, match);
    const [mentor, consent] =
      match.status === 'none'
        ? [null, null]
        : await Promise.all([standingOf(this.log, this.views, siteId, match.mentorId), consentOf(this.log, siteId, match.participantId, at)]);
    const result = await this.log.handle(stream, matchDecider, { type: 'AcceptMatch', data: { mentor, consent, at } }, context);
    return result.events.map((e) => e.type);
  }
}

export class EndMatch implements ICommand {
  constructor(
    readonly context: CommandContext,
    readonly access: Access,
    readonly matchId: string,
    readonly reason: MatchEndReason,
  ) {}
}

@CommandHandler(EndMatch)
export class EndMatchHandler implements ICommandHandler<EndMatch, string[]> {
  constructor(private readonly log: MentoringLog) {}

  async execute({ context, access, matchId, reason }: EndMatch): Promise<string[]> {
    const stream = matchStream(context.siteId, matchId);
    assertOwnMatch(access, await this.log.load(stream, matchDecider));
    const result = await this.log.handle(stream, matchDecider, { type: 'EndMatch', data: { reason, at: context.occurredAt } }, context);
    return result.events.map((e) => e.type);
  }
}

export class SuggestMentors implements IQuery {
  constructor(
    readonly siteId: SiteId,
    readonly needs: ParticipantNeeds,
    readonly at: string,
  ) {}
}

@QueryHandler(SuggestMentors)
export class SuggestMentorsHandler implements IQueryHandler<SuggestMentors, MatchSuggestion[]> {
  constructor(private readonly views: MentoringViews) {}

  async execute({ siteId, needs, at }: SuggestMentors): Promise<MatchSuggestion[]> {
    return suggestMentors(await this.views.candidates(siteId), needs, at);
  }
}
