import { ASAM_LEVELS, LEVEL_OF_CARE_CHANGE_REASONS, PROGRAMMES } from '@alongside/enrolment/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarDay } from '../../shared/calendar-day.validator';

export class ChangeLevelOfCareDto {
  @ApiProperty({ enum: ASAM_LEVELS, example: '2.1' })
  @IsIn(ASAM_LEVELS)
  levelOfCare!: string;

  @ApiPropertyOptional({ enum: PROGRAMMES, example: 'intensive-outpatient', description: 'When the participant also moves to another programme' })
  @IsOptional()
  @IsIn(PROGRAMMES)
  programme?: string;

  @ApiProperty({ enum: LEVEL_OF_CARE_CHANGE_REASONS, example: 'clinical-improvement' })
  @IsIn(LEVEL_OF_CARE_CHANGE_REASONS)
  reason!: string;

  @ApiProperty({ example: '2025-03-10', description: 'From which day; not before the admission or the last change, not after today' })
  @IsCalendarDay()
  changedOn!: string;
}

export class LevelOfCareChangedDto {
  @ApiProperty({ format: 'uuid' }) episodeId!: string;
  @ApiProperty({ enum: ASAM_LEVELS }) levelOfCare!: string;
  @ApiProperty({ enum: PROGRAMMES }) programme!: string;
}
