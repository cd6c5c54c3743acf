import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsISO8601, Max, Min } from 'class-validator';

export class SetSobrietyDateDto {
  @ApiProperty({ example: '2026-03-01', description: "The first day without use, in the site's calendar" })
  @IsISO8601({ strict: true })
  startedOn!: string;
}

export class RecordMilestoneDto {
  @ApiProperty({ example: 30, description: "One of the site's milestones (30, 60, 90, 180, 365 by default)" })
  @IsInt()
  @Min(1)
  @Max(36500)
  milestoneDays!: number;
}

export class SobrietyDto {
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-03-01' }) startedOn!: string | null;
  @ApiProperty({ nullable: true, type: Number, example: 61 }) days!: number | null;
  @ApiProperty({ type: [Number], example: [30, 60, 90, 180, 365] }) milestoneDays!: number[];
  @ApiProperty({ type: 'array', items: { type: 'object', properties: { days: { type: 'number' }, reachedOn: { type: 'string' } } } })
  reached!: { days: number; reachedOn: string }[];
  @ApiProperty({ nullable: true, type: Number, example: 90 }) nextMilestone!: number | null;
}
