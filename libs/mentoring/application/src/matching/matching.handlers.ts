import { CommandHandler, QueryHandler, type ICommand, type ICommandHandler, type IQuery, type IQueryHandler } from '@nestjs/cqrs';
import type { SiteId } from '@alongside/platform/event-sourcing';
import type { CommandContext } from '@alongside/platform/event-store';
import type { Access } from '@alongside/platform/security';
import type { MatchEndReason } from '@alongside/mentoring/contracts';
import {
  matchDecider,
  matchStream,
  menteeDecider,
  menteeStream,
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
import { MatchHolds } from './match-holds';

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

/**
 * The caseload and the participant's one open match are decided on the mentor's and the
 * participant's own streams, not the read model: a hold is appended to each with the version read
 * (two proposals at once: one gets 409), and only then is the match written.
 */
@CommandHandler(ProposeMatch)
export class ProposeMatchHandler implements ICommandHandler<ProposeMatch, string[]> {
  constructor(
    private readonly log: MentoringLog,
    private readonly views: MentoringViews,
    private readonly holds: MatchHolds,
  ) {}

  async execute({ context, data }: ProposeMatch): Promise<string[]> {
    const { siteId, occurredAt: at } = context;
    const stream = matchStream(siteId, data.matchId);
    const [mentorRecord, mentee, consent, openInViewOfParticipant, match, openInView] = await Promise.all([
      this.log.load(mentorStream(siteId, data.mentorId), mentorDecider),
      this.log.load(menteeStream(siteId, data.participantId), menteeDecider),
      consentOf(this.log, siteId, data.participantId, at),
      this.views.openMatchesOfParticipant(siteId, data.participantId),
      this.log.load(stream, matchDecider),
      this.views.openMatchIdsOf(siteId, data.mentorId),
    ]);
    const released = mentorRecord.status === 'onboarded' ? await this.holds.released(siteId, mentorRecord.caseload.map((place) => ({ matchId: place.matchId, since: place.takenAt })), at) : [];
    const releasedOfMentee = await this.holds.released(siteId, mentee.held.map((held) => ({ matchId: held.matchId, since: held.heldAt })), at);
    // The read model is asked only about matches proposed before holds were kept on the streams: a
    // match a hold records is judged by its own stream (released or not), never by the lagging view,
    // which can still show open a match that has just ended.
    const placed = new Set(mentorRecord.status === 'onboarded' ? mentorRecord.caseload.map((place) => place.matchId) : []);
    const heldByMentee = new Set(mentee.held.map((held) => held.matchId));
    const openBeforeHolds = openInView.filter((matchId) => matchId !== data.matchId && !placed.has(matchId));
    const openMatchId =
      openInViewOfParticipant.find(({ matchId }) => matchId !== data.matchId && !heldByMentee.has(matchId))?.matchId ??
      mentee.held.find((held) => held.matchId !== data.matchId && !releasedOfMentee.includes(held.matchId))?.matchId ??
      null;
    const mentor: MentorStanding | null =
      mentorRecord.status === 'onboarded'
        ? {
            mentorId: data.mentorId,
            certifications: Object.values(mentorRecord.certifications),
            maxCaseload: mentorRecord.maxCaseload,
            openMatches: openBeforeHolds.length + mentorRecord.caseload.filter((place) => place.matchId !== data.matchId && !released.includes(place.matchId)).length,
          }
        : null;
    const command = { type: 'ProposeMatch' as const, data: { matchId: data.matchId, participantId: data.participantId, mentor, consent, openMatchId, proposedBy: context.actor.sub, at } };
    if (match.status === 'none') {
      // Decided first, so a proposal the rules refuse holds no place; a repeat skips this and gets its first answer.
      matchDecider.decide(command, match);
      await this.log.handle(
        mentorStream(siteId, data.mentorId),
        mentorDecider,
        { type: 'TakeCaseloadPlace', data: { matchId: data.matchId, participantId: data.participantId, released, at } },
        context,
      );
      await this.log.handle(
        menteeStream(siteId, data.participantId),
        menteeDecider,
        { type: 'HoldMenteeMatch', data: { participantId: data.participantId, matchId: data.matchId, mentorId: data.mentorId, released: releasedOfMentee, at } },
        context,
      );
    }
    const result = await this.log.handle(stream, matchDecider, command, context);
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
