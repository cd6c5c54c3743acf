export type CheckInStatus = 'scheduled' | 'due' | 'held' | 'missed';

export type CheckIn = Readonly<{ day: number; dueAt: string; status: CheckInStatus }>;

export type MatchStatus = 'proposed' | 'active' | 'aftercare' | 'ended';

export type Match =
  | Readonly<{ status: 'none' }>
  | Readonly<{
      status: MatchStatus;
      matchId: string;
      mentorId: string;
      participantId: string;
      acceptedAt: string | null;
      dischargedAt: string | null;
      checkIns: readonly CheckIn[];
      missedAfterDays: number;
      contacts: readonly string[];
    }>;

export type ExistingMatch = Exclude<Match, { status: 'none' }>;
