import type { Facilitator, GroupKind, Venue, WeeklySchedule } from '../vocabulary';

export type GroupCreated = Readonly<{
  type: 'GroupCreated';
  data: {
    groupId: string;
    name: string;
    kind: GroupKind;
    facilitator: Facilitator;
    capacity: number;
    venue: Venue;
    schedule: WeeklySchedule;
    /** The site's IANA zone when the group was created: the schedule's wall-clock times are read in it. */
    timeZone: string;
    createdAt: string;
  };
}>;

export type MemberEnrolled = Readonly<{
  type: 'MemberEnrolled';
  data: { groupId: string; participantId: string; enrolledAt: string };
}>;

/** The group was full: the participant waits, in order, for a place. */
export type MemberWaitlisted = Readonly<{
  type: 'MemberWaitlisted';
  data: { groupId: string; participantId: string; position: number; waitlistedAt: string };
}>;

/** A place freed and the first on the waiting list took it. */
export type MemberPromoted = Readonly<{
  type: 'MemberPromoted';
  data: { groupId: string; participantId: string; promotedAt: string };
}>;

export type MemberWithdrawn = Readonly<{
  type: 'MemberWithdrawn';
  data: { groupId: string; participantId: string; from: 'members' | 'waitlist'; withdrawnAt: string };
}>;

export type GroupEvent = GroupCreated | MemberEnrolled | MemberWaitlisted | MemberPromoted | MemberWithdrawn;
