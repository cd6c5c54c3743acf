import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { ATTENDANCE_STATUSES, CORRECTION_REASONS, type AttendanceStatus, type CorrectionReason } from '@alongside/sessions/contracts';

export class AttendanceEntryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() participantId!: string;
  @ApiProperty({ enum: ATTENDANCE_STATUSES }) @IsIn(ATTENDANCE_STATUSES) status!: AttendanceStatus;
  @ApiProperty({ minimum: 0, maximum: 720, example: 90, description: '0 for absent or excused' }) @IsInt() @Min(0) @Max(720) minutesAttended!: number;
}

export class RecordAttendanceDto {
  @ApiProperty({ type: [AttendanceEntryDto], description: 'Everyone on the roster, in one submit' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => AttendanceEntryDto)
  entries!: AttendanceEntryDto[];

  @ApiPropertyOptional({ maxLength: 4000, description: 'One group note, linked to each attendee; kept sealed here, never in an event' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  groupNote?: string;
}

export class AttendanceRecordedDto {
  @ApiProperty({ description: 'AttendanceRecorded events, one per participant' }) recorded!: number;
  @ApiProperty({ format: 'uuid', nullable: true }) groupNoteId!: string | null;
  @ApiProperty({ description: 'Billable units per participant (0 when not billable)', example: { '9a0c2f3e-1d5b-4f6a-8b7c-2e3d4f5a6b02': 6 } })
  units!: Record<string, number>;
}

export class CorrectAttendanceDto {
  @ApiProperty({ enum: ATTENDANCE_STATUSES }) @IsIn(ATTENDANCE_STATUSES) status!: AttendanceStatus;
  @ApiProperty({ minimum: 0, maximum: 720, example: 40, description: '0 for absent or excused' }) @IsInt() @Min(0) @Max(720) minutesAttended!: number;
  @ApiProperty({ enum: CORRECTION_REASONS, description: 'A code, not free text: the correction leaves the service in AttendanceCorrected' })
  @IsIn(CORRECTION_REASONS)
  reason!: CorrectionReason;
}

class PreviousEntryDto {
  @ApiProperty({ enum: ATTENDANCE_STATUSES }) status!: AttendanceStatus;
  @ApiProperty() minutesAttended!: number;
}

export class AttendanceCorrectedDto {
  @ApiProperty({ description: 'How many corrections this entry has had, this one included', example: 1 }) revision!: number;
  @ApiProperty({ type: PreviousEntryDto, description: 'What the entry said before' }) previous!: PreviousEntryDto;
  @ApiProperty({ description: 'Billable units of the corrected entry (0 when not billable)', example: 3 }) units!: number;
}

export class GroupNoteDto {
  @ApiProperty({ format: 'uuid' }) noteId!: string;
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ description: 'The note text, or null once erased' }) text!: string | null;
  @ApiProperty({ format: 'date-time' }) writtenAt!: string;
}
