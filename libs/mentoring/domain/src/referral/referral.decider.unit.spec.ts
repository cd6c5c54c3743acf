import { DeciderSpecification, fold } from '@alongside/platform/event-sourcing';
import { mentoringEventExamples as ex } from '@alongside/mentoring/contracts';
import { DateInTheFuture } from '../date-in-the-future.error';
import { matchDecider } from '../match/match.decider';
import { MatchNotFound, MatchNotOpen, NotThisParticipantsMentor } from '../match/match.errors';
import type { ReferralCommand } from './referral.commands';
import { referralDecider } from './referral.decider';
import {
  ReferralAlreadyMade,
  ReferralNotFound,
  ReferralOutcomeAlreadyRecorded,
  ResourceCategoryMismatch,
  ResourceNotInDirectory,
  ResourceWithdrawn,
} from './referral.errors';

const given = DeciderSpecification.for(referralDecider);
const activeMatch = fold(matchDecider, [ex.MatchProposed, ex.MatchAccepted]);
const { referralId, resourceId } = ex.ReferralMade.data;
const naMeeting = { resourceId: resourceId!, category: 'mutual-aid' as const, withdrawn: false };

const make = (over: Partial<Extract<ReferralCommand, { type: 'MakeReferral' }>['data']> = {}): ReferralCommand => ({
  type: 'MakeReferral',
  data: {
    referralId,
    match: activeMatch,
    byMentorId: ex.MatchProposed.data.mentorId,
    category: 'mutual-aid',
    resourceId,
    resource: naMeeting,
    followUpDays: 7,
    at: '2025-03-12T16:30:00-05:00',
    ...over,
  },
});
const followUp = (followedUpAt: string, at = followedUpAt): ReferralCommand => ({
  type: 'FollowUpReferral',
  data: { followedUpAt, nextFollowUpInDays: null, at },
});
const outcome: ReferralCommand = { type: 'RecordReferralOutcome', data: { outcome: 'connected', at: '2025-03-19T10:05:00-05:00' } };

describe('Referral to a community resource', () => {
  it('is made within an open match, with a follow-up due', () =>
    given([]).when(make()).then([{ ...ex.ReferralMade, data: { ...ex.ReferralMade.data, followUpDueAt: '2025-03-19T16:30:00.000-05:00' } }]));

  it('may name a resource outside the directory', () =>
    expect(given([]).when(make({ resourceId: null, resource: undefined, category: 'housing' })).events()).toHaveLength(1));

  it('refuses a second referral with the same id', () => given([ex.ReferralMade]).when(make()).thenThrows(ReferralAlreadyMade));

  it('answers not found for a match this site does not have (another site\'s)', () =>
    given([]).when(make({ match: fold(matchDecider, []) })).thenThrows(MatchNotFound));

  it('refuses a referral outside an open match', () =>
    given([]).when(make({ match: fold(matchDecider, [ex.MatchProposed]) })).thenThrows(MatchNotOpen));

  it("refuses a referral by another participant's mentor", () =>
    given([]).when(make({ byMentorId: '22222222-2222-4222-8222-222222222222' })).thenThrows(NotThisParticipantsMentor));

  it('refuses a resource that is not in the directory', () =>
    given([]).when(make({ resource: undefined })).thenThrows(ResourceNotInDirectory));

  it('refuses a withdrawn resource', () =>
    given([]).when(make({ resource: { ...naMeeting, withdrawn: true } })).thenThrows(ResourceWithdrawn));

  it('refuses a resource of another category', () =>
    given([]).when(make({ category: 'housing' })).thenThrows(ResourceCategoryMismatch));

  it('is followed up', () =>
    given([ex.ReferralMade]).when(followUp('2025-03-19T10:00:00-05:00')).then([ex.ReferralFollowedUp]));

  it('refuses a follow-up dated in the future', () =>
    given([ex.ReferralMade]).when(followUp('2025-03-19T10:00:00-05:00', '2025-03-18T10:00:00-05:00')).thenThrows(DateInTheFuture));

  it('refuses a follow-up of an unknown referral', () =>
    given([]).when(followUp('2025-03-19T10:00:00-05:00')).thenThrows(ReferralNotFound));

  it('records its outcome', () => given([ex.ReferralMade]).when(outcome).then([ex.ReferralOutcomeRecorded]));

  it('refuses a second outcome', () =>
    given([ex.ReferralMade, ex.ReferralOutcomeRecorded]).when(outcome).thenThrows(ReferralOutcomeAlreadyRecorded));

  it('refuses a follow-up once the outcome is recorded', () =>
    given([ex.ReferralMade, ex.ReferralOutcomeRecorded]).when(followUp('2025-03-20T10:00:00-05:00')).thenThrows(ReferralOutcomeAlreadyRecorded));
});
