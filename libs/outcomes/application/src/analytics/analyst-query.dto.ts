import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { COHORT_DIMENSIONS, type CohortDimension } from '@alongside/outcomes/contracts';
import { DashboardFiltersDto } from '../dashboards/dashboard-filters.dto';

export class AnalystQueryDto extends DashboardFiltersDto {
  @ApiProperty({ enum: COHORT_DIMENSIONS, example: 'site', description: 'What each row of the table is' })
  @IsIn(COHORT_DIMENSIONS)
  by!: CohortDimension;

  @ApiPropertyOptional({ example: 'north,south', description: "Sites to compare, comma-separated; default every site of the token. A site not in the token answers 404." })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]*(,[a-z][a-z0-9-]*)*$/)
  sites?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
