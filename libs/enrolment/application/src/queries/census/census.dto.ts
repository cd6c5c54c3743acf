import { ASAM_LEVELS, PROGRAMMES } from '@alongside/enrolment/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class CensusQueryDto {
  @ApiPropertyOptional({ enum: PROGRAMMES }) @IsOptional() @IsIn(PROGRAMMES) programme?: string;
  @ApiPropertyOptional({ enum: ASAM_LEVELS }) @IsOptional() @IsIn(ASAM_LEVELS) levelOfCare?: string;
}

export class CensusCellView {
  @ApiProperty({ enum: PROGRAMMES }) programme!: string;
  @ApiProperty({ enum: ASAM_LEVELS }) levelOfCare!: string;
  @ApiProperty({ example: 12 }) active!: number;
}

export class CensusView {
  @ApiProperty({ example: 'north' }) siteId!: string;
  @ApiProperty({ example: 37, description: 'Participants in treatment here now (within the filters)' }) active!: number;
  @ApiProperty({ type: Object, example: { residential: 12, outpatient: 25 } }) byProgramme!: Record<string, number>;
  @ApiProperty({ type: Object, example: { '3.5': 12, '1': 25 } }) byLevelOfCare!: Record<string, number>;
  @ApiProperty({ type: [CensusCellView] }) cells!: CensusCellView[];
}
