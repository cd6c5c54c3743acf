import type { ScreenResult, Specimen, SobrietyStartReason, Substance } from '../vocabulary';

export type ScreenedSubstance = { substance: Substance; result: ScreenResult; prescribed: boolean };

/** `positive` is any positive result for a substance that was not prescribed (e.g. buprenorphine in MOUD). */
export type DrugScreenRecorded = Readonly<{
  type: 'DrugScreenRecorded';
  data: {
    screenId: string;
    participantId: string;
    specimen: Specimen;
    collectedAt: string;
    results: ScreenedSubstance[];
    positive: boolean;
    recordedBy: string;
  };
}>;

/** What a participant said, in a clinician's interview, about use over the last `periodDays` days. */
export type SubstanceUseReported = Readonly<{
  type: 'SubstanceUseReported';
  data: {
    reportId: string;
    participantId: string;
    periodDays: number;
    substances: { substance: Substance; daysUsed: number }[];
    reportedAt: string;
    recordedBy: string;
  };
}>;

/** A brief return to use. The clinician decides lapse vs relapse; they are counted apart. */
export type LapseRecorded = Readonly<{
  type: 'LapseRecorded';
  data: { lapseId: string; participantId: string; occurredOn: string; substances: Substance[]; recordedAt: string; recordedBy: string };
}>;

/** A return to the previous pattern of use. Restarts the sobriety count. */
export type RelapseRecorded = Readonly<{
  type: 'RelapseRecorded';
  data: { relapseId: string; participantId: string; occurredOn: string; substances: Substance[]; recordedAt: string; recordedBy: string };
}>;

/** The day the sobriety count runs from; `causeId` names the relapse or lapse that restarted it. */
export type SobrietyStartSet = Readonly<{
  type: 'SobrietyStartSet';
  data: { participantId: string; startedOn: string; reason: SobrietyStartReason; causeId: string | null; setAt: string };
}>;

export type SobrietyMilestoneReached = Readonly<{
  type: 'SobrietyMilestoneReached';
  data: { participantId: string; milestoneDays: number; sobrietyStartedOn: string; reachedOn: string; recordedAt: string; recordedBy: string };
}>;

export type SubstanceUseEvent =
  | DrugScreenRecorded
  | SubstanceUseReported
  | LapseRecorded
  | RelapseRecorded
  | SobrietyStartSet
  | SobrietyMilestoneReached;
