import type { Decider } from '@alongside/platform/event-sourcing';
import type { ProgrammeEvent } from '@alongside/mentoring/contracts';
import { DEFAULT_MENTORING_POLICY } from './mentoring-policy';
import type { ProgrammeCommand } from './programme.commands';
import {
  AcknowledgementLimitsOutOfOrder,
  CheckInDaysMustAscend,
  FellowshipOnlyForMutualAid,
  ResourceAlreadyListed,
  ResourceAlreadyWithdrawn,
  ResourceNotFound,
} from './programme.errors';
import type { Programme } from './programme.state';

export const initialState = (): Programme => ({ policy: DEFAULT_MENTORING_POLICY, siteScheduleRevision: 0, resources: {} });

export const decide = (command: ProgrammeCommand, programme: Programme): ProgrammeEvent[] => {
  switch (command.type) {
    case 'SetMentoringPolicy': {
      const { policy, setBy, at } = command.data;
      const days = policy.aftercareCheckInDays;
      if (days.length === 0 || days.some((d, i) => i > 0 && d <= days[i - 1])) throw new CheckInDaysMustAscend();
      if (
        policy.urgentAcknowledgeWithinMinutes >= policy.soonAcknowledgeWithinMinutes ||
        policy.soonAcknowledgeWithinMinutes > policy.routineAcknowledgeWithinMinutes
      ) {
        throw new AcknowledgementLimitsOutOfOrder();
      }
      return [{ type: 'MentoringPolicySet', data: { ...policy, aftercareCheckInDays: [...days], setBy, setAt: at } }];
    }
    case 'RecordSiteFollowUpSchedule': {
      const { daysAfterDischarge, revision, sourceEventId, configuredAt } = command.data;
      // Configurations may arrive again or out of order: only a newer revision changes anything.
      if (revision <= programme.siteScheduleRevision) return [];
      const days = [...new Set(daysAfterDischarge)].filter((d) => Number.isInteger(d) && d >= 1 && d <= 3650).sort((a, b) => a - b);
      if (days.length === 0) return [];
      return [{ type: 'SiteFollowUpScheduleHeard', data: { daysAfterDischarge: days, revision, sourceEventId, configuredAt } }];
    }
    case 'ListCommunityResource': {
      const { at, ...resource } = command.data;
      if (programme.resources[resource.resourceId]) throw new ResourceAlreadyListed(resource.resourceId);
      if ((resource.category === 'mutual-aid') !== (resource.fellowship !== null)) throw new FellowshipOnlyForMutualAid();
      return [{ type: 'CommunityResourceListed', data: { ...resource, listedAt: at } }];
    }
    case 'WithdrawCommunityResource': {
      const resource = programme.resources[command.data.resourceId];
      if (!resource) throw new ResourceNotFound();
      if (resource.withdrawn) throw new ResourceAlreadyWithdrawn();
      return [{ type: 'CommunityResourceWithdrawn', data: { resourceId: resource.resourceId, withdrawnAt: command.data.at } }];
    }
  }
};

export const evolve = (programme: Programme, event: ProgrammeEvent): Programme => {
  switch (event.type) {
    case 'MentoringPolicySet': {
      const { setBy: _by, setAt: _at, ...policy } = event.data;
      return { ...programme, policy };
    }
    case 'SiteFollowUpScheduleHeard': {
      const { daysAfterDischarge, revision } = event.data;
      return { ...programme, siteScheduleRevision: revision, policy: { ...programme.policy, aftercareCheckInDays: daysAfterDischarge } };
    }
    case 'CommunityResourceListed': {
      const { resourceId, category } = event.data;
      return { ...programme, resources: { ...programme.resources, [resourceId]: { resourceId, category, withdrawn: false } } };
    }
    case 'CommunityResourceWithdrawn': {
      const resource = programme.resources[event.data.resourceId];
      if (!resource) return programme;
      return { ...programme, resources: { ...programme.resources, [resource.resourceId]: { ...resource, withdrawn: true } } };
    }
  }
};

export const programmeDecider: Decider<ProgrammeCommand, ProgrammeEvent, Programme> = { decide, evolve, initialState };
