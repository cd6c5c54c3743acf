import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  BOUNDARY_CONCERNS,
  LIVED_EXPERIENCE_AREAS,
  SPECIALITIES,
  SUPERVISION_TOPICS,
  type BoundaryConcern,
  type LivedExperienceArea,
  type Speciality,
  type SupervisionTopic,
} from '@alongside/mentoring/contracts';

const INSTANT = { strict: true, strictSeparator: true } as const;
export const ZONED = /(Z|[+-]\d{2}:\d{2})$/;

export class OnboardMentorDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The id the identity provider puts in this mentor\'s tokens (mentorId claim); new when omitted' })
  @IsOptional()
  @IsUUID()
  mentorId?: string;

  @ApiProperty({ example: 'Sam Rivera', description: 'Professional name, as on a badge' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  displayName!: string;

  @ApiProperty({ enum: LIVED_EXPERIENCE_AREAS, isArray: true })
  @IsArray()
  @ArrayMaxSize(LIVED_EXPERIENCE_AREAS.length)
  @IsIn(LIVED_EXPERIENCE_AREAS, { each: true })
  livedExperience!: LivedExperienceArea[];

  @ApiProperty({ example: ['en', 'es'], description: 'BCP 47 language tags' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { each: true })
  languages!: string[];

  @ApiProperty({ enum: SPECIALITIES, isArray: true })
  @IsArray()
  @ArrayMaxSize(SPECIALITIES.length)
  @IsIn(SPECIALITIES, { each: true })
  specialities!: Speciality[];

  @ApiProperty({ minimum: 1, maximum: 60, example: 12 })
  @IsInt()
  @Min(1)
  @Max(60)
  maxCaseload!: number;
}

export class RecordTrainingDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() trainingId?: string;
  @ApiProperty({ example: 'Ethics and boundaries in peer support' }) @IsString() @MinLength(1) @MaxLength(200) course!: string;
  @ApiProperty({ example: 6, minimum: 0.25, maximum: 1000 }) @IsNumber() @Min(0.25) @Max(1000) hours!: number;
  @ApiProperty({ example: '2025-01-20', format: 'date' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) @IsISO8601({ strict: true }) completedOn!: string;
}

export class GrantCertificationDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() certificationId?: string;
  @ApiProperty({ example: 'CPRS' }) @IsString() @MinLength(1) @MaxLength(120) credential!: string;
  @ApiProperty({ example: 'State Certification Board' }) @IsString() @MinLength(1) @MaxLength(200) issuer!: string;
  @ApiProperty({ example: '2025-02-01T00:00:00-05:00', format: 'date-time' }) @IsISO8601(INSTANT) @Matches(ZONED, { message: 'grantedAt must carry a zone' }) grantedAt!: string;
  @ApiProperty({ example: '2027-02-01T00:00:00-05:00', format: 'date-time' }) @IsISO8601(INSTANT) @Matches(ZONED, { message: 'expiresAt must carry a zone' }) expiresAt!: string;
}

export class RenewCertificationDto {
  @ApiProperty({ example: '2029-02-01T00:00:00-05:00', format: 'date-time' }) @IsISO8601(INSTANT) @Matches(ZONED, { message: 'expiresAt must carry a zone' }) expiresAt!: string;
}

export class HoldSupervisionDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() supervisionId?: string;
  @ApiProperty({ description: 'The supervisor (a staff id)', format: 'uuid' }) @IsUUID() supervisorId!: string;
  @ApiProperty({ example: '2025-03-03T14:00:00-05:00', format: 'date-time' }) @IsISO8601(INSTANT) @Matches(ZONED, { message: 'heldAt must carry a zone' }) heldAt!: string;
  @ApiProperty({ minimum: 1, maximum: 600, example: 60 }) @IsInt() @Min(1) @Max(600) minutes!: number;
  @ApiProperty({ enum: SUPERVISION_TOPICS, isArray: true }) @IsArray() @ArrayMaxSize(SUPERVISION_TOPICS.length) @IsIn(SUPERVISION_TOPICS, { each: true }) topics!: SupervisionTopic[];
}

export class RaiseBoundaryConcernDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() concernId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The supervision it was raised in' }) @IsOptional() @IsUUID() supervisionId?: string;
  @ApiProperty({ enum: BOUNDARY_CONCERNS }) @IsIn(BOUNDARY_CONCERNS) concern!: BoundaryConcern;
}

export class MentorRecordedDto {
  @ApiProperty({ format: 'uuid' }) mentorId!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The id of what was recorded (training, certification, supervision, concern)' }) id?: string;
  @ApiProperty({ example: ['CertificationGranted'] }) recorded!: string[];
}
