import { DeciderSpecification } from '@alongside/platform/event-sourcing';
import type { GroupEvent } from '@alongside/sessions/contracts';
import { groupDecider, type CreateGroup } from './group.decider';
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

const given = DeciderSpecification.for(groupDecider);
const groupId = '0e5b8c1a-2f3d-4a6b-9c7d-8e9f0a1b2c3d';
const peer = { kind: 'peer' as const, id: '3b8e1f4d-5c6a-4d9e-8f1a-1b2c3d4e5f6a' };
const clinician = { kind: 'clinician' as const, id: '6e1b4c7a-8f9d-4a2b-9c4d-4e5f6a7b8c9d' };
const at = '2025-03-01T10:00:00Z';
const p = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const createData: CreateGroup['data'] = {
  groupId,
  name: 'Tuesday peer support',
  kind: 'peer-support',
  facilitator: peer,
  capacity: 2,
  venue: { kind: 'place', location: 'Room 2' },
  schedule: { slots: [{ weekday: 2, startTime: '18:00', durationMinutes: 90 }], startsOn: '2025-03-04', endsOn: null, exceptions: [] },
  timeZone: 'Europe/London',
  at,
};
const create = (change: Partial<CreateGroup['data']> = {}): CreateGroup => ({ type: 'CreateGroup', data: { ...createData, ...change } });
const { at: _, ...createdData } = createData;
const created: GroupEvent = { type: 'GroupCreated', data: { ...createdData, timeZone: 'Europe/London', createdAt: at } };
const enrolled = (n: number): GroupEvent => ({ type: 'MemberEnrolled', data: { groupId, participantId: p(n), enrolledAt: at } });
const waitlisted = (n: number, position: number): GroupEvent => ({ type: 'MemberWaitlisted', data: { groupId, participantId: p(n), position, waitlistedAt: at } });
const enrol = (n: number) => ({ type: 'EnrolMember' as const, data: { participantId: p(n), at } });
const withdraw = (n: number) => ({ type: 'WithdrawMember' as const, data: { participantId: p(n), at } });

describe('Group', () => {
  describe('when created', () => {
    it('records the group with its schedule in the site time zone', () => given([]).when(create()).then([created]));
    it('refuses a second creation', () => given([created]).when(create()).thenThrows(GroupAlreadyExists));
    it('refuses a group-therapy group led by anyone but a clinician', () =>
      given([]).when(create({ kind: 'group-therapy', facilitator: peer })).thenThrows(ClinicianFacilitatorRequired));
    it('accepts a group-therapy group led by a clinician', () =>
      expect(given([]).when(create({ kind: 'group-therapy', facilitator: clinician })).events()).toHaveLength(1));
    it('refuses a peer-support group led by someone who is not a peer', () =>
      given([]).when(create({ facilitator: clinician })).thenThrows(PeerFacilitatorRequired));
    it('refuses an online group without a link', () => given([]).when(create({ kind: 'online' })).thenThrows(VenueDoesNotFitKind));
    it('refuses an in-person group with only a link', () =>
      given([]).when(create({ kind: 'workshop', facilitator: clinician, venue: { kind: 'online', link: 'https://meet.example/x' } })).thenThrows(VenueDoesNotFitKind));
    it('refuses a schedule while the site time zone is unknown', () => given([]).when(create({ timeZone: null })).thenThrows(SiteTimeZoneUnknown));
    it('refuses a time zone that does not exist', () => given([]).when(create({ timeZone: 'Mars/Olympus' })).thenThrows(ScheduleInvalid));
    it('refuses a schedule that ends before it starts', () =>
      given([]).when(create({ schedule: { ...createData.schedule, endsOn: '2025-03-01' } })).thenThrows(ScheduleInvalid));
    it('refuses a slot at a time of day that does not exist', () =>
      given([]).when(create({ schedule: { ...createData.schedule, slots: [{ weekday: 2, startTime: '25:00', durationMinutes: 60 }] } })).thenThrows(ScheduleInvalid));
  });

  describe('membership', () => {
    it('enrols while there are places', () => given([created]).when(enrol(1)).then([enrolled(1)]));
    it('waitlists, in order, once the capacity is reached', () =>
      given([created, enrolled(1), enrolled(2)]).when(enrol(3)).then([waitlisted(3, 1)]));
    it('refuses once the waiting list is as long as the group', () =>
      given([created, enrolled(1), enrolled(2), waitlisted(3, 1), waitlisted(4, 2)]).when(enrol(5)).thenThrows(WaitlistFull));
    it('refuses someone enrolled already', () => given([created, enrolled(1)]).when(enrol(1)).thenThrows(AlreadyInGroup));
    it('refuses someone waiting already', () => given([created, enrolled(1), enrolled(2), waitlisted(3, 1)]).when(enrol(3)).thenThrows(AlreadyInGroup));
    it('refuses enrolment in a group that does not exist', () => given([]).when(enrol(1)).thenThrows(GroupNotFound));
    it('promotes the first on the waiting list when a member leaves', () =>
      given([created, enrolled(1), enrolled(2), waitlisted(3, 1), waitlisted(4, 2)]).when(withdraw(1)).then([
        { type: 'MemberWithdrawn', data: { groupId, participantId: p(1), from: 'members', withdrawnAt: at } },
        { type: 'MemberPromoted', data: { groupId, participantId: p(3), promotedAt: at } },
      ]));
    it('takes someone off the waiting list without promoting anyone', () =>
      given([created, enrolled(1), enrolled(2), waitlisted(3, 1)]).when(withdraw(3)).then([
        { type: 'MemberWithdrawn', data: { groupId, participantId: p(3), from: 'waitlist', withdrawnAt: at } },
      ]));
    it('refuses to withdraw someone who is not in the group', () => given([created, enrolled(1)]).when(withdraw(9)).thenThrows(NotInGroup));
  });
});
