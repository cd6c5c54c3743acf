import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { PageQuery } from '@alongside/platform/service-runtime';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class UpcomingQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Default: now' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
}

export class PeriodQuery {
  @ApiPropertyOptional({ format: 'date', example: '2025-03-01', description: 'First local date (inclusive)' })
  @Matches(DATE, { message: 'from must be yyyy-MM-dd' })
  from!: string;
  @ApiPropertyOptional({ format: 'date', example: '2025-03-31', description: 'Last local date (inclusive)' })
  @Matches(DATE, { message: 'to must be yyyy-MM-dd' })
  to!: string;
}

export class UnitsReportQuery extends PeriodQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' }) @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
}
