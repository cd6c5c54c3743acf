import type { ReintegrationCheckpoint } from '@alongside/outcomes/contracts';

export type AlertState = Readonly<{
  status: 'open' | 'acknowledged' | 'resolved';
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
}>;

/** What decisions about one participant at one site need to remember. */
export type ParticipantRecord = Readonly<{
  /** Admitted here at least once: clinicians may record outcomes. */
  known: boolean;
  firstAdmittedOn: string | null;
  inTreatment: boolean;
  /** The episodes heard, and which of them were discharged (so a re-delivery records nothing). */
  episodes: Readonly<Record<string, { admittedOn: string; dischargedOn: string | null }>>;
  currentEpisodeId: string | null;
  recordedIds: ReadonlySet<string>;
  alerts: Readonly<Record<string, AlertState>>;
  sobrietyStartedOn: string | null;
  /** Milestones recorded in the current sobriety period, with the day reached. */
  milestones: Readonly<Record<number, string>>;
  /** Reintegration checkpoints recorded for the current enrolment. */
  reintegration: ReadonlySet<ReintegrationCheckpoint>;
  levelOfCare: string | null;
  activeMatches: ReadonlySet<string>;
}>;

export const initialState = (): ParticipantRecord => ({
  known: false,
  firstAdmittedOn: null,
  inTreatment: false,
  episodes: {},
  currentEpisodeId: null,
  recordedIds: new Set(),
  alerts: {},
  sobrietyStartedOn: null,
  milestones: {},
  reintegration: new Set(),
  levelOfCare: null,
  activeMatches: new Set(),
});
