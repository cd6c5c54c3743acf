import { ASAM_LEVELS, DISCHARGE_REASONS, PROGRAMMES, REFERRAL_SOURCES } from '@alongside/enrolment/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { LevelOfCareCell } from '@alongside/enrolment/read-models';

export class LevelOfCarePeriodView {
  @ApiProperty({ enum: ASAM_LEVELS }) levelOfCare!: string;
  @ApiProperty({ enum: PROGRAMMES }) programme!: string;
  @ApiProperty({ example: '2025-02-03', description: 'From this day' }) from!: string;
  @ApiPropertyOptional({ nullable: true, example: 'clinical-improvement', description: 'Null for the level at admission' }) reason!: string | null;
}

export class TransferOriginView {
  @ApiProperty({ format: 'uuid' }) transferId!: string;
  @ApiProperty({ example: 'north' }) siteId!: string;
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty({ format: 'uuid' }) episodeId!: string;
}

export class EpisodeView {
  @ApiProperty({ format: 'uuid' }) episodeId!: string;
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty({ enum: ['enrolment', 'readmission', 'transfer-in'] }) admissionKind!: string;
  @ApiProperty({ enum: ['active', 'discharged'] }) status!: string;
  @ApiProperty({ enum: PROGRAMMES }) programme!: string;
  @ApiProperty({ enum: ASAM_LEVELS }) levelOfCare!: string;
  @ApiProperty({ enum: REFERRAL_SOURCES }) referralSource!: string;
  @ApiProperty({ example: '2025-02-03' }) admittedOn!: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) previousEpisodeId!: string | null;
  @ApiPropertyOptional({ type: TransferOriginView, nullable: true, description: "Set for a transfer-in: the history stays at that site" })
  transferredFrom!: TransferOriginView | null;
  @ApiProperty({ type: [LevelOfCarePeriodView] }) levels!: LevelOfCarePeriodView[];
  @ApiPropertyOptional({ nullable: true, example: '2025-04-02' }) dischargedOn!: string | null;
  @ApiPropertyOptional({ enum: DISCHARGE_REASONS, nullable: true }) dischargeReason!: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'The transfer that closed it' }) transferredOutId!: string | null;
  @ApiProperty({ example: 1 }) referenceDataVersion!: number;
}

export type EpisodeRecord = {
  episode_id: string;
  participant_id: string;
  admission_kind: string;
  status: string;
  programme: string;
  level_of_care: string;
  referral_source: string;
  admitted_on: string;
  previous_episode_id: string | null;
  transferred_from: TransferOriginView | null;
  levels: LevelOfCareCell[];
  discharged_on: string | null;
  discharge_reason: string | null;
  transferred_out_id: string | null;
  reference_data_version: number;
};

export const episodeView = (row: EpisodeRecord): EpisodeView => ({
  episodeId: row.episode_id,
  participantId: row.participant_id,
  admissionKind: row.admission_kind,
  status: row.status,
  programme: row.programme,
  levelOfCare: row.level_of_care,
  referralSource: row.referral_source,
  admittedOn: row.admitted_on,
  previousEpisodeId: row.previous_episode_id,
  transferredFrom: row.transferred_from,
  levels: row.levels,
  dischargedOn: row.discharged_on,
  dischargeReason: row.discharge_reason,
  transferredOutId: row.transferred_out_id,
  referenceDataVersion: row.reference_data_version,
});
