import type { Decider } from '@alongside/platform/event-sourcing';
import type { ReferralEvent, ReferralOutcome, ResourceCategory } from '@alongside/mentoring/contracts';
import { DateInTheFuture } from '../date-in-the-future.error';
import { isBefore, plusDays } from '../instant';
import { MatchNotFound, MatchNotOpen, NotThisParticipantsMentor } from '../match/match.errors';
import type { ReferralCommand } from './referral.commands';
import {
  ReferralAlreadyMade,
  ReferralNotFound,
  ReferralOutcomeAlreadyRecorded,
  ResourceCategoryMismatch,
  ResourceNotInDirectory,
  ResourceWithdrawn,
} from './referral.errors';

export type Referral =
  | Readonly<{ status: 'none' }>
  | Readonly<{
      status: 'open' | 'closed';
      referralId: string;
      matchId: string;
      mentorId: string;
      participantId: string;
      category: ResourceCategory;
      outcome: ReferralOutcome | null;
    }>;

export const initialState = (): Referral => ({ status: 'none' });

export const decide = (command: ReferralCommand, referral: Referral): ReferralEvent[] => {
  if (command.type === 'MakeReferral') {
    const { referralId, match, byMentorId, category, resourceId, resource, followUpDays, at } = command.data;
    if (referral.status !== 'none') throw new ReferralAlreadyMade(referralId);
    // Another site's match (or none) answers 404 like an absent one, never 422 about its stage.
    if (match.status === 'none') throw new MatchNotFound();
    if (match.status !== 'active' && match.status !== 'aftercare') throw new MatchNotOpen();
    if (byMentorId !== null && byMentorId !== match.mentorId) throw new NotThisParticipantsMentor();
    if (resourceId !== null) {
      if (!resource) throw new ResourceNotInDirectory();
      if (resource.withdrawn) throw new ResourceWithdrawn();
      if (resource.category !== category) throw new ResourceCategoryMismatch(category, resource.category);
    }
    const { matchId, mentorId, participantId } = match;
    return [
      {
        type: 'ReferralMade',
        data: { referralId, matchId, mentorId, participantId, category, resourceId, madeAt: at, followUpDueAt: plusDays(at, followUpDays) },
      },
    ];
  }
  if (referral.status === 'none') throw new ReferralNotFound();
  if (referral.status === 'closed') throw new ReferralOutcomeAlreadyRecorded(referral.outcome ?? 'closed');
  switch (command.type) {
    case 'FollowUpReferral': {
      const { followedUpAt, nextFollowUpInDays, at } = command.data;
      if (isBefore(at, followedUpAt)) throw new DateInTheFuture('A follow-up');
      const next = nextFollowUpInDays === null ? null : plusDays(followedUpAt, nextFollowUpInDays);
      return [
        { type: 'ReferralFollowedUp', data: { referralId: referral.referralId, participantId: referral.participantId, followedUpAt, nextFollowUpDueAt: next } },
      ];
    }
    case 'RecordReferralOutcome': {
      const { referralId, matchId, mentorId, participantId, category } = referral;
      return [
        {
          type: 'ReferralOutcomeRecorded',
          data: { referralId, matchId, mentorId, participantId, category, outcome: command.data.outcome, recordedAt: command.data.at },
        },
      ];
    }
  }
};

export const evolve = (referral: Referral, event: ReferralEvent): Referral => {
  switch (event.type) {
    case 'ReferralMade': {
      const { referralId, matchId, mentorId, participantId, category } = event.data;
      return { status: 'open', referralId, matchId, mentorId, participantId, category, outcome: null };
    }
    case 'ReferralFollowedUp':
      return referral;
    case 'ReferralOutcomeRecorded':
      return referral.status === 'none' ? referral : { ...referral, status: 'closed', outcome: event.data.outcome };
  }
};

export const referralDecider: Decider<ReferralCommand, ReferralEvent, Referral> = { decide, evolve, initialState };
