import {
  ASAM_LEVELS,
  DISCHARGE_REASONS,
  LEVEL_OF_CARE_CHANGE_REASONS,
  PROGRAMMES,
  REFERRAL_SOURCES,
} from '../reference-data/codes';
import {
  eventSchema,
  isoDate,
  isoInstant,
  nullable,
  object,
  oneOf,
  referenceDataVersion,
  siteId,
  uuid,
} from './schema-parts';

const programme = oneOf(PROGRAMMES);
const levelOfCare = oneOf(ASAM_LEVELS);
const days = { type: 'integer', minimum: 0 };

export const enrolledV1 = eventSchema('Enrolled', 1, 'An admission: a new episode of care begins.', {
  episodeId: uuid,
  participantId: uuid,
  siteId,
  programme,
  levelOfCare,
  referralSource: oneOf(REFERRAL_SOURCES),
  admittedOn: isoDate,
  enrolledAt: isoInstant,
  transferredFrom: nullable(object({ transferId: uuid, siteId, participantId: uuid, episodeId: uuid })),
  referenceDataVersion,
});

export const readmittedV1 = eventSchema('Readmitted', 1, 'A discharged participant was admitted again (a new episode linked to the previous).', {
  episodeId: uuid,
  previousEpisodeId: uuid,
  participantId: uuid,
  siteId,
  programme,
  levelOfCare,
  referralSource: oneOf(REFERRAL_SOURCES),
  admittedOn: isoDate,
  daysSincePreviousDischarge: days,
  readmittedAt: isoInstant,
  referenceDataVersion,
});

export const levelOfCareChangedV1 = eventSchema('LevelOfCareChanged', 1, 'The level of care (and possibly programme) of an active episode changed.', {
  episodeId: uuid,
  participantId: uuid,
  siteId,
  fromLevel: levelOfCare,
  toLevel: levelOfCare,
  fromProgramme: programme,
  toProgramme: programme,
  reason: oneOf(LEVEL_OF_CARE_CHANGE_REASONS),
  changedOn: isoDate,
  changedAt: isoInstant,
  referenceDataVersion,
});

export const dischargedV1 = eventSchema('Discharged', 1, 'An episode ended, with its TEDS reason.', {
  episodeId: uuid,
  participantId: uuid,
  siteId,
  reason: oneOf(DISCHARGE_REASONS),
  admittedOn: isoDate,
  dischargedOn: isoDate,
  lengthOfStayDays: days,
  programme,
  levelOfCare,
  transferId: nullable(uuid),
  dischargedAt: isoInstant,
  referenceDataVersion,
});
