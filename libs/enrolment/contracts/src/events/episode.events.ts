import type { IsoDate, IsoInstant, Uuid } from '../calendar';
import type {
  AsamLevel,
  DischargeReason,
  LevelOfCareChangeReason,
  Programme,
  ReferralSource,
} from '../reference-data/codes';

/** Where an admission came from when it is the destination side of a transfer in the network. */
export type TransferOrigin = Readonly<{
  transferId: Uuid;
  siteId: string;
  participantId: Uuid;
  episodeId: Uuid;
}>;

/**
 * An admission: a new episode of care begins. Outcomes counts an admission for every `Enrolled`
 * and every `Readmitted`. When `transferredFrom` is set the participant came from another site of
 * the network, whose record stays there (history by reference).
 */
export type Enrolled = Readonly<{
  type: 'Enrolled';
  data: {
    episodeId: Uuid;
    participantId: Uuid;
    siteId: string;
    programme: Programme;
    levelOfCare: AsamLevel;
    referralSource: ReferralSource;
    admittedOn: IsoDate;
    enrolledAt: IsoInstant;
    transferredFrom: TransferOrigin | null;
    referenceDataVersion: number;
  };
}>;

/** A discharged participant was admitted again: a new episode, linked to the previous one. */
export type Readmitted = Readonly<{
  type: 'Readmitted';
  data: {
    episodeId: Uuid;
    previousEpisodeId: Uuid;
    participantId: Uuid;
    siteId: string;
    programme: Programme;
    levelOfCare: AsamLevel;
    referralSource: ReferralSource;
    admittedOn: IsoDate;
    /** Whole days from the previous discharge to this admission. */
    daysSincePreviousDischarge: number;
    readmittedAt: IsoInstant;
    referenceDataVersion: number;
  };
}>;

/** The level of care (and possibly the programme) of an active episode changed. */
export type LevelOfCareChanged = Readonly<{
  type: 'LevelOfCareChanged';
  data: {
    episodeId: Uuid;
    participantId: Uuid;
    siteId: string;
    fromLevel: AsamLevel;
    toLevel: AsamLevel;
    fromProgramme: Programme;
    toProgramme: Programme;
    reason: LevelOfCareChangeReason;
    changedOn: IsoDate;
    changedAt: IsoInstant;
    referenceDataVersion: number;
  };
}>;

/**
 * An episode ended, with its TEDS reason. `transferId` is set when it closed because another site
 * of the network accepted the participant (reason `transferred`).
 */
export type Discharged = Readonly<{
  type: 'Discharged';
  data: {
    episodeId: Uuid;
    participantId: Uuid;
    siteId: string;
    reason: DischargeReason;
    admittedOn: IsoDate;
    dischargedOn: IsoDate;
    /** Whole days from admission to discharge (0 when discharged the day of admission). */
    lengthOfStayDays: number;
    programme: Programme;
    levelOfCare: AsamLevel;
    transferId: Uuid | null;
    dischargedAt: IsoInstant;
    referenceDataVersion: number;
  };
}>;
