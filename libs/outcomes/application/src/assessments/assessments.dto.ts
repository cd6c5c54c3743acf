import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Max, Min } from 'class-validator';
import {
  ASSESSMENT_BANDS,
  INSTRUMENTS,
  PHQ9_DIFFICULTIES,
  SAFETY_ALERT_RESOLUTIONS,
  type AssessmentBand,
  type Instrument,
  type Phq9Difficulty,
  type SafetyAlertResolution,
} from '@alongside/outcomes/contracts';

export class RecordAssessmentDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Set by the client to name the assessment; derived from the Idempotency-Key otherwise' })
  @IsOptional()
  @IsUUID()
  assessmentId?: string;

  @ApiProperty({ enum: INSTRUMENTS, example: 'PHQ-9' })
  @IsIn(INSTRUMENTS)
  instrument!: Instrument;

  @ApiProperty({
    type: [Number],
    example: [1, 2, 1, 1, 0, 2, 1, 0, 0],
    description: 'Every answer in question order: PHQ-9 nine answers 0–3, GAD-7 seven 0–3, BARC-10 ten 1–6. The service scores them.',
  })
  @IsArray()
  @ArrayMinSize(7)
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(6, { each: true })
  items!: number[];

  @ApiPropertyOptional({ enum: PHQ9_DIFFICULTIES, nullable: true, description: "PHQ-9's unscored tenth question" })
  @IsOptional()
  @IsIn(PHQ9_DIFFICULTIES)
  difficulty?: Phq9Difficulty;

  @ApiProperty({ example: '2026-05-01T10:00:00-04:00', description: 'When it was answered (ISO 8601 with zone)' })
  @IsISO8601({ strict: true })
  administeredAt!: string;
}

export class AssessmentRecordedDto {
  @ApiProperty({ format: 'uuid' }) assessmentId!: string;
  @ApiProperty({ enum: INSTRUMENTS }) instrument!: Instrument;
  @ApiProperty({ example: 'phq-9@2001' }) instrumentVersion!: string;
  @ApiProperty({ example: 8 }) total!: number;
  @ApiProperty({ enum: ASSESSMENT_BANDS, example: 'mild' }) band!: AssessmentBand;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Set when PHQ-9 item 9 raised an urgent safety alert' })
  safetyAlertId!: string | null;
}

export class ResolveSafetyAlertDto {
  @ApiProperty({ enum: SAFETY_ALERT_RESOLUTIONS })
  @IsIn(SAFETY_ALERT_RESOLUTIONS)
  resolution!: SafetyAlertResolution;
}

export class SafetyAlertChangedDto {
  @ApiProperty({ format: 'uuid' }) alertId!: string;
  @ApiProperty({ enum: ['acknowledged', 'resolved'] }) status!: 'acknowledged' | 'resolved';
  @ApiProperty({ example: '2026-05-01T10:05:00Z' }) at!: string;
}

export class OpenSafetyAlertDto {
  @ApiProperty({ format: 'uuid' }) alertId!: string;
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty({ format: 'uuid' }) assessmentId!: string;
  @ApiProperty() raisedAt!: string;
  @ApiProperty({ nullable: true, type: String }) acknowledgedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) acknowledgedBy!: string | null;
}
