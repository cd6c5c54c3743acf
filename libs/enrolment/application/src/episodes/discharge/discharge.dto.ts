import { DISCHARGE_REASONS } from '@alongside/enrolment/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsCalendarDay } from '../../shared/calendar-day.validator';

export class DischargeDto {
  @ApiProperty({ enum: DISCHARGE_REASONS, example: 'completed', description: 'TEDS reason for discharge' })
  @IsIn(DISCHARGE_REASONS)
  reason!: string;

  @ApiProperty({ example: '2025-04-02', description: 'Not before the admission, not after today at the site' })
  @IsCalendarDay()
  dischargedOn!: string;
}

export class DischargedDto {
  @ApiProperty({ format: 'uuid' }) episodeId!: string;
  @ApiProperty({ example: 58 }) lengthOfStayDays!: number;
}
