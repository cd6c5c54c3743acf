import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { FACILITATOR_KINDS, GROUP_KINDS, type FacilitatorKind, type GroupKind, type Weekday } from '@alongside/sessions/contracts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class FacilitatorDto {
  @ApiProperty({ enum: FACILITATOR_KINDS, description: 'A peer is a mentor in mentoring (id = mentorId) and needs a current certification' })
  @IsIn(FACILITATOR_KINDS)
  kind!: FacilitatorKind;
  @ApiProperty({ format: 'uuid' }) @IsUUID() id!: string;
}

export class WeeklySlotDto {
  @ApiProperty({ minimum: 1, maximum: 7, description: '1 = Monday … 7 = Sunday' }) @IsInt() @Min(1) @Max(7) weekday!: Weekday;
  @ApiProperty({ example: '18:00', description: "Wall-clock time in the site's time zone" })
  @Matches(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, { message: 'startTime must be HH:mm' })
  startTime!: string;
  @ApiProperty({ minimum: 5, maximum: 720, example: 90 }) @IsInt() @Min(5) @Max(720) durationMinutes!: number;
}

export class WeeklyScheduleDto {
  @ApiProperty({ type: [WeeklySlotDto] }) @IsArray() @ArrayMaxSize(14) @ValidateNested({ each: true }) @Type(() => WeeklySlotDto) slots!: WeeklySlotDto[];
  @ApiProperty({ example: '2025-03-04', format: 'date' }) @Matches(DATE, { message: 'startsOn must be yyyy-MM-dd' }) startsOn!: string;
  @ApiPropertyOptional({ example: '2025-12-31', format: 'date', nullable: true })
  @IsOptional()
  @Matches(DATE, { message: 'endsOn must be yyyy-MM-dd' })
  endsOn?: string | null;
  @ApiPropertyOptional({ type: [String], example: ['2025-12-23'], description: 'Local dates with no session' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(366)
  @Matches(DATE, { each: true, message: 'each exception must be yyyy-MM-dd' })
  exceptions?: string[];
}

export class CreateGroupDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() groupId?: string;
  @ApiProperty({ maxLength: 200, example: 'Tuesday evening peer support' }) @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiProperty({ enum: GROUP_KINDS }) @IsIn(GROUP_KINDS) kind!: GroupKind;
  @ApiProperty({ type: FacilitatorDto }) @ValidateNested() @Type(() => FacilitatorDto) facilitator!: FacilitatorDto;
  @ApiProperty({ minimum: 1, maximum: 500, example: 12 }) @IsInt() @Min(1) @Max(500) capacity!: number;
  @ApiPropertyOptional({ maxLength: 300, description: 'For groups that meet in person' })
  @ValidateIf((o: CreateGroupDto) => o.link === undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  location?: string;
  @ApiPropertyOptional({ maxLength: 500, description: 'For online groups' })
  @ValidateIf((o: CreateGroupDto) => o.location === undefined)
  @IsUrl({ protocols: ['https'], require_protocol: true })
  @MaxLength(500)
  link?: string;
  @ApiProperty({ type: WeeklyScheduleDto }) @ValidateNested() @Type(() => WeeklyScheduleDto) schedule!: WeeklyScheduleDto;
}

export class GroupCreatedDto {
  @ApiProperty({ format: 'uuid' }) groupId!: string;
  @ApiProperty({ example: 'Europe/London' }) timeZone!: string;
}

export class EnrolMemberDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() participantId!: string;
}

export class MembershipDto {
  @ApiProperty({ example: ['MemberWaitlisted'], description: 'MemberEnrolled, or MemberWaitlisted when the group is full' }) recorded!: string[];
}

export class ScheduleSessionsDto {
  @ApiProperty({ example: '2025-03-31', format: 'date', description: 'First local date to materialise' })
  @Matches(DATE, { message: 'from must be yyyy-MM-dd' })
  from!: string;
  @ApiProperty({ minimum: 1, maximum: 26, example: 4 }) @IsInt() @Min(1) @Max(26) weeks!: number;
}

export class AdHocSessionDto {
  @ApiProperty({ format: 'date-time', example: '2025-04-03T18:00:00+01:00' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: 'startsAt must carry a zone' })
  startsAt!: string;
  @ApiProperty({ minimum: 5, maximum: 720, example: 60 }) @IsInt() @Min(5) @Max(720) durationMinutes!: number;
}

export class SessionsScheduledDto {
  @ApiProperty({ type: [String], description: 'Ids of the sessions of the period, new or already there' }) sessionIds!: string[];
  @ApiProperty({ description: 'How many of them this request scheduled' }) scheduled!: number;
  @ApiProperty({ description: 'Occurrences not scheduled, and why (e.g. the peer facilitator not certified on that date)' })
  refused!: { startsAt: string; reason: string }[];
}

