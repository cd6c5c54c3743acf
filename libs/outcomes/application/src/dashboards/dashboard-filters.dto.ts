import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches, MaxLength } from 'class-validator';

/** Filters of every dashboard view: admissions in a date range, programme, level of care, cohort. */
export class DashboardFiltersDto {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'Admissions from this day (inclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-06-30', description: 'Admissions up to this day (inclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ example: 'outpatient-peer-recovery' })
  @IsOptional()
  @MaxLength(100)
  @Matches(/^[a-z0-9.-]+$/)
  programme?: string;

  @ApiPropertyOptional({ example: '2.1' })
  @IsOptional()
  @MaxLength(20)
  @Matches(/^[a-z0-9.-]+$/i)
  levelOfCare?: string;

  @ApiPropertyOptional({ example: '2026-03', description: 'Admission month' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/)
  cohort?: string;

  @ApiPropertyOptional({ enum: ['mentored', 'not-mentored'] })
  @IsOptional()
  @IsIn(['mentored', 'not-mentored'])
  mentored?: 'mentored' | 'not-mentored';
}
