import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { USED_TODAY, type UsedToday } from '@alongside/outcomes/contracts';

export class RecordCheckInDto {
  @ApiProperty({ format: 'uuid', description: 'Chosen by the phone, so a check-in queued offline and sent twice is recorded once' })
  @IsUUID()
  checkInId!: string;

  @ApiProperty({ example: '2026-05-01T19:58:00+02:00', description: 'When the participant pressed send' })
  @IsISO8601({ strict: true })
  checkedInAt!: string;

  @ApiProperty({ minimum: 1, maximum: 5, example: 4, description: '1 very low … 5 very good' })
  @IsInt()
  @Min(1)
  @Max(5)
  mood!: number;

  @ApiProperty({ minimum: 0, maximum: 10, example: 3 })
  @IsInt()
  @Min(0)
  @Max(10)
  craving!: number;

  @ApiProperty({ enum: USED_TODAY, example: 'no' })
  @IsIn(USED_TODAY)
  usedToday!: UsedToday;

  @ApiPropertyOptional({ maxLength: 280, description: 'Private to the participant unless shared with their mentor' })
  @IsOptional()
  @IsString()
  @MaxLength(280)
  note?: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  shareNoteWithMentor?: boolean;
}

export class CheckInRecordedDto {
  @ApiProperty({ format: 'uuid' }) checkInId!: string;
  @ApiProperty({ description: 'False when this check-in had been recorded already' }) recordedNow!: boolean;
}

export class CheckInDto {
  @ApiProperty({ format: 'uuid' }) checkInId!: string;
  @ApiProperty() checkedInAt!: string;
  @ApiProperty({ example: '2026-05-01' }) checkedInOn!: string;
  @ApiProperty() mood!: number;
  @ApiProperty() craving!: number;
  @ApiProperty({ enum: USED_TODAY }) usedToday!: UsedToday;
  @ApiProperty({ nullable: true, type: String, description: "Shown to the participant; to a mentor only when shared" }) note!: string | null;
  @ApiProperty() noteShared!: boolean;
}

export class RequestContactDto {
  @ApiProperty({ format: 'uuid', description: 'Chosen by the phone, so a double tap asks once' })
  @IsUUID()
  requestId!: string;
}

export class ContactRequestedDto {
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty() requestedAt!: string;
}

export class MilestoneDto {
  @ApiProperty() days!: number;
  @ApiProperty({ nullable: true, type: String }) reachedOn!: string | null;
}

export class CompanionDto {
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty({ example: 'north' }) siteId!: string;
  @ApiProperty({ example: '2026-05-01', description: "Today in the site's calendar" }) today!: string;
  @ApiProperty({ nullable: true, type: String }) startedOn!: string | null;
  @ApiProperty({ description: 'True when the count began again after a relapse (shown as a new start)' }) newStart!: boolean;
  @ApiProperty({ nullable: true, type: Number }) days!: number | null;
  @ApiProperty({ nullable: true, type: Number }) nextMilestone!: number | null;
  @ApiProperty({ nullable: true, type: Number }) daysToNext!: number | null;
  @ApiProperty({ type: [MilestoneDto] }) reached!: MilestoneDto[];
  @ApiProperty({ type: [Number] }) milestoneDays!: number[];
  @ApiProperty({ description: "The site's lapse policy, in plain words" }) lapsePolicy!: string;
  @ApiProperty({ nullable: true, type: String }) lastMentorContactAt!: string | null;
  @ApiProperty() hasMentor!: boolean;
  @ApiProperty({ nullable: true, type: String }) lastContactRequestAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastGroupAttendedOn!: string | null;
  @ApiProperty({ type: [CheckInDto] }) recentCheckIns!: CheckInDto[];
  @ApiProperty({ type: [String], description: 'What the mentor is told, as the participant reads it' }) whatYourMentorSees!: string[];
}
