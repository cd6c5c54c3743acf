import { DeciderSpecification, fold } from '@alongside/platform/event-sourcing';
import { mentoringEventExamples as ex } from '@alongside/mentoring/contracts';
import { DEFAULT_MENTORING_POLICY, type MentoringPolicy } from './mentoring-policy';
import type { ProgrammeCommand } from './programme.commands';
import { programmeDecider } from './programme.decider';
import {
  AcknowledgementLimitsOutOfOrder,
  CheckInDaysMustAscend,
  FellowshipOnlyForMutualAid,
  ResourceAlreadyListed,
  ResourceAlreadyWithdrawn,
  ResourceNotFound,
} from './programme.errors';

const given = DeciderSpecification.for(programmeDecider);
const setPolicy = (over: Partial<MentoringPolicy> = {}): ProgrammeCommand => ({
  type: 'SetMentoringPolicy',
  data: { policy: { ...DEFAULT_MENTORING_POLICY, ...over }, setBy: 'manager-01', at: '2025-01-02T09:00:00-05:00' },
});
const { listedAt, ...listing } = ex.CommunityResourceListed.data;
const list = (over: Partial<typeof listing> = {}): ProgrammeCommand => ({ type: 'ListCommunityResource', data: { ...listing, ...over, at: listedAt } });
const withdraw: ProgrammeCommand = {
  type: 'WithdrawCommunityResource',
  data: { resourceId: listing.resourceId, at: ex.CommunityResourceWithdrawn.data.withdrawnAt },
};

describe("A site's mentoring programme", () => {
  it('uses 7, 30, 90 and 180 days until a policy is set', () =>
    expect(fold(programmeDecider, []).policy.aftercareCheckInDays).toEqual([7, 30, 90, 180]));

  it('records a policy', () => given([]).when(setPolicy()).then([ex.MentoringPolicySet]));

  it('uses the policy once set', () => {
    const changed = { ...ex.MentoringPolicySet, data: { ...ex.MentoringPolicySet.data, aftercareCheckInDays: [3, 14] } };
    expect(fold(programmeDecider, [changed]).policy.aftercareCheckInDays).toEqual([3, 14]);
  });

  it('refuses check-in days out of order or repeated', () => {
    given([]).when(setPolicy({ aftercareCheckInDays: [30, 7] })).thenThrows(CheckInDaysMustAscend);
    given([]).when(setPolicy({ aftercareCheckInDays: [7, 7] })).thenThrows(CheckInDaysMustAscend);
    given([]).when(setPolicy({ aftercareCheckInDays: [] })).thenThrows(CheckInDaysMustAscend);
  });

  it('refuses an urgent deadline no shorter than a "soon" one', () =>
    given([]).when(setPolicy({ urgentAcknowledgeWithinMinutes: 600 })).thenThrows(AcknowledgementLimitsOutOfOrder));

  it('lists a resource in the directory', () => given([]).when(list()).then([ex.CommunityResourceListed]));

  it('refuses the same resource twice', () =>
    given([ex.CommunityResourceListed]).when(list()).thenThrows(ResourceAlreadyListed));

  it('refuses a fellowship for anything but mutual aid, and mutual aid without one', () => {
    given([]).when(list({ category: 'housing' })).thenThrows(FellowshipOnlyForMutualAid);
    given([]).when(list({ fellowship: null })).thenThrows(FellowshipOnlyForMutualAid);
  });

  it('withdraws a resource', () => given([ex.CommunityResourceListed]).when(withdraw).then([ex.CommunityResourceWithdrawn]));

  it('refuses to withdraw an unknown or withdrawn resource', () => {
    given([]).when(withdraw).thenThrows(ResourceNotFound);
    given([ex.CommunityResourceListed, ex.CommunityResourceWithdrawn]).when(withdraw).thenThrows(ResourceAlreadyWithdrawn);
  });

  describe("hearing the site's follow-up schedule from enrolment", () => {
    const heard = ex.SiteFollowUpScheduleHeard;
    const record = (over: Partial<Extract<ProgrammeCommand, { type: 'RecordSiteFollowUpSchedule' }>['data']> = {}): ProgrammeCommand => ({
      type: 'RecordSiteFollowUpSchedule',
      data: { ...heard.data, ...over },
    });

    it('records it, and its days become the aftercare check-in days', () => {
      given([]).when(record()).then([heard]);
      expect(fold(programmeDecider, [{ ...heard, data: { ...heard.data, daysAfterDischarge: [14, 60] } }]).policy.aftercareCheckInDays).toEqual([14, 60]);
    });

    it('sorts the days and drops repeats', () =>
      given([]).when(record({ daysAfterDischarge: [90, 7, 30, 7] })).then([{ ...heard, data: { ...heard.data, daysAfterDischarge: [7, 30, 90] } }]));

    it('records nothing for a revision it already has or an older one', () => {
      const second = { ...heard, data: { ...heard.data, revision: 2 } };
      given([second]).when(record({ revision: 2 })).then([]);
      given([second]).when(record({ revision: 1 })).then([]);
    });

    it('keeps the site-manager policy set after it, and gives way to a newer site revision', () => {
      const afterPolicy = fold(programmeDecider, [heard, { ...ex.MentoringPolicySet, data: { ...ex.MentoringPolicySet.data, aftercareCheckInDays: [10, 20] } }]);
      expect(afterPolicy.policy.aftercareCheckInDays).toEqual([10, 20]);
      const newer = { ...heard, data: { ...heard.data, revision: 2, daysAfterDischarge: [5] } };
      expect(fold(programmeDecider, [heard, ex.MentoringPolicySet, newer]).policy.aftercareCheckInDays).toEqual([5]);
    });
  });
});
