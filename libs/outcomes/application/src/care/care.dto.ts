import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Max, Min } from 'class-validator';
import {
  LIVING_SITUATIONS,
  OCCUPATIONS,
  READMISSION_SETTINGS,
  REINTEGRATION_CHECKPOINTS,
  type LivingSituation,
  type Occupation,
  type ReadmissionSetting,
  type ReintegrationCheckpoint,
} from '@alongside/outcomes/contracts';

export class RecordReadmissionDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() readmissionId?: string;
  @ApiProperty({ enum: READMISSION_SETTINGS }) @IsIn(READMISSION_SETTINGS) setting!: ReadmissionSetting;
  @ApiProperty({ example: '2026-04-30' }) @IsISO8601({ strict: true }) admittedOn!: string;
}

export class RecordEmergencyVisitDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() visitId?: string;
  @ApiProperty({ example: '2026-04-30' }) @IsISO8601({ strict: true }) visitedOn!: string;
  @ApiProperty() @IsBoolean() substanceRelated!: boolean;
  @ApiProperty() @IsBoolean() overdose!: boolean;
}

export class RecordReintegrationDto {
  @ApiProperty({ enum: REINTEGRATION_CHECKPOINTS }) @IsIn(REINTEGRATION_CHECKPOINTS) checkpoint!: ReintegrationCheckpoint;
  @ApiProperty({ enum: LIVING_SITUATIONS }) @IsIn(LIVING_SITUATIONS) livingSituation!: LivingSituation;
  @ApiProperty({ enum: OCCUPATIONS }) @IsIn(OCCUPATIONS) occupation!: Occupation;
  @ApiProperty({ minimum: 1, maximum: 5, description: "1 isolated … 5 well connected: the participant's own rating" })
  @IsInt()
  @Min(1)
  @Max(5)
  socialConnectedness!: number;
  @ApiProperty({ example: '2026-04-30' }) @IsISO8601({ strict: true }) recordedOn!: string;
}
