import type { Decider } from '@alongside/platform/event-sourcing';
import type { Facilitator, GroupEvent, GroupKind, Venue, WeeklySchedule } from '@alongside/sessions/contracts';
import { isTimeZone } from '../schedule/weekly-occurrences';
import {
  AlreadyInGroup,
  ClinicianFacilitatorRequired,
  GroupAlreadyExists,
  GroupNotFound,
  NotInGroup,
  PeerFacilitatorRequired,
  ScheduleInvalid,
  SiteTimeZoneUnknown,
  VenueDoesNotFitKind,
  WaitlistFull,
} from './group.errors';

export type Group =
  | Readonly<{ status: 'none' }>
  | Readonly<{
      status: 'open';
      groupId: string;
      kind: GroupKind;
      facilitator: Facilitator;
      capacity: number;
      schedule: WeeklySchedule;
      timeZone: string;
      members: readonly string[];
      /** In order of arrival: the first is promoted when a place frees. */
      waitlist: readonly string[];
    }>;

export type CreateGroup = Readonly<{
  type: 'CreateGroup';
  data: { groupId: string; name: string; kind: GroupKind; facilitator: Facilitator; capacity: number; venue: Venue; schedule: WeeklySchedule;
    /** The site's zone as heard from enrolment; null while the site's configuration has not arrived. */
    timeZone: string | null;
    at: string };
}>;
export type EnrolMember = Readonly<{ type: 'EnrolMember'; data: { participantId: string; at: string } }>;
export type WithdrawMember = Readonly<{ type: 'WithdrawMember'; data: { participantId: string; at: string } }>;
export type GroupCommand = CreateGroup | EnrolMember | WithdrawMember;

/** A waiting list longer than the group itself helps nobody; past that, enrolment is refused. */
export const waitlistLimitOf = (capacity: number) => capacity;

const CLOCK = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

const checkSchedule = (schedule: WeeklySchedule, timeZone: string): void => {
  if (!isTimeZone(timeZone)) throw new ScheduleInvalid(`"${timeZone}" is not a time zone`);
  if (schedule.endsOn !== null && schedule.endsOn < schedule.startsOn) throw new ScheduleInvalid('it ends before it starts');
  for (const slot of schedule.slots) {
    if (!CLOCK.test(slot.startTime)) throw new ScheduleInvalid(`${slot.startTime} is not a time of day`);
    if (!Number.isInteger(slot.weekday) || slot.weekday < 1 || slot.weekday > 7) throw new ScheduleInvalid('weekdays run from 1 (Monday) to 7 (Sunday)');
  }
};

const create = ({ data }: CreateGroup, group: Group): GroupEvent[] => {
  if (group.status !== 'none') throw new GroupAlreadyExists(data.groupId);
  if (data.kind === 'group-therapy' && data.facilitator.kind !== 'clinician') throw new ClinicianFacilitatorRequired();
  if (data.kind === 'peer-support' && data.facilitator.kind !== 'peer') throw new PeerFacilitatorRequired();
  if ((data.kind === 'online') !== (data.venue.kind === 'online')) throw new VenueDoesNotFitKind(data.kind);
  if (data.timeZone === null) throw new SiteTimeZoneUnknown();
  checkSchedule(data.schedule, data.timeZone);
  const { at, timeZone, ...rest } = data;
  return [{ type: 'GroupCreated', data: { ...rest, timeZone, createdAt: at } }];
};

const enrol = ({ data }: EnrolMember, group: Group & { status: 'open' }): GroupEvent[] => {
  if (group.members.includes(data.participantId)) throw new AlreadyInGroup(data.participantId, 'members');
  if (group.waitlist.includes(data.participantId)) throw new AlreadyInGroup(data.participantId, 'waitlist');
  if (group.members.length < group.capacity) return [{ type: 'MemberEnrolled', data: { groupId: group.groupId, participantId: data.participantId, enrolledAt: data.at } }];
  if (group.waitlist.length >= waitlistLimitOf(group.capacity)) throw new WaitlistFull(group.capacity);
  return [{ type: 'MemberWaitlisted', data: { groupId: group.groupId, participantId: data.participantId, position: group.waitlist.length + 1, waitlistedAt: data.at } }];
};

const withdraw = ({ data }: WithdrawMember, group: Group & { status: 'open' }): GroupEvent[] => {
  const { groupId } = group;
  if (group.waitlist.includes(data.participantId)) return [{ type: 'MemberWithdrawn', data: { groupId, participantId: data.participantId, from: 'waitlist', withdrawnAt: data.at } }];
  if (!group.members.includes(data.participantId)) throw new NotInGroup(data.participantId);
  const withdrawn: GroupEvent = { type: 'MemberWithdrawn', data: { groupId, participantId: data.participantId, from: 'members', withdrawnAt: data.at } };
  const next = group.waitlist[0];
  return next === undefined ? [withdrawn] : [withdrawn, { type: 'MemberPromoted', data: { groupId, participantId: next, promotedAt: data.at } }];
};

export const groupDecider: Decider<GroupCommand, GroupEvent, Group> = {
  initialState: () => ({ status: 'none' }),
  decide: (command, group) => {
    if (command.type === 'CreateGroup') return create(command, group);
    if (group.status === 'none') throw new GroupNotFound('');
    return command.type === 'EnrolMember' ? enrol(command, group) : withdraw(command, group);
  },
  evolve: (group, event) => {
    if (event.type === 'GroupCreated') {
      const { groupId, kind, facilitator, capacity, schedule, timeZone } = event.data;
      return { status: 'open', groupId, kind, facilitator, capacity, schedule, timeZone, members: [], waitlist: [] };
    }
    if (group.status === 'none') return group;
    const { participantId } = event.data;
    switch (event.type) {
      case 'MemberEnrolled':
        return { ...group, members: [...group.members, participantId] };
      case 'MemberWaitlisted':
        return { ...group, waitlist: [...group.waitlist, participantId] };
      case 'MemberPromoted':
        return { ...group, members: [...group.members, participantId], waitlist: group.waitlist.filter((p) => p !== participantId) };
      case 'MemberWithdrawn':
        return { ...group, members: group.members.filter((p) => p !== participantId), waitlist: group.waitlist.filter((p) => p !== participantId) };
    }
  },
};
