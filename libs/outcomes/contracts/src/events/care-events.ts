import type { LivingSituation, Occupation, ReadmissionSetting, ReintegrationCheckpoint } from '../vocabulary';

/** An admission elsewhere (hospital, withdrawal management...) while or after in treatment here. */
export type ReadmissionRecorded = Readonly<{
  type: 'ReadmissionRecorded';
  data: { readmissionId: string; participantId: string; setting: ReadmissionSetting; admittedOn: string; recordedAt: string; recordedBy: string };
}>;

export type EmergencyVisitRecorded = Readonly<{
  type: 'EmergencyVisitRecorded';
  data: {
    visitId: string;
    participantId: string;
    visitedOn: string;
    substanceRelated: boolean;
    overdose: boolean;
    recordedAt: string;
    recordedBy: string;
  };
}>;

/** Community reintegration at intake, discharge and the 30/90/180-day follow-ups. */
export type ReintegrationRecorded = Readonly<{
  type: 'ReintegrationRecorded';
  data: {
    participantId: string;
    checkpoint: ReintegrationCheckpoint;
    livingSituation: LivingSituation;
    occupation: Occupation;
    /** 1 (isolated) to 5 (well connected): the participant's own rating. */
    socialConnectedness: number;
    recordedOn: string;
    recordedBy: string;
  };
}>;

export type CareEvent = ReadmissionRecorded | EmergencyVisitRecorded | ReintegrationRecorded;
