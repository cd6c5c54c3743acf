import { ASAM_LEVELS, PROGRAMMES } from '@alongside/enrolment/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '@alongside/platform/service-runtime';

export class SiteEpisodesQueryDto extends PageQuery {
  @ApiPropertyOptional({ enum: ['active', 'discharged'], default: 'active' }) @IsOptional() @IsIn(['active', 'discharged']) status?: string;
  @ApiPropertyOptional({ enum: PROGRAMMES }) @IsOptional() @IsIn(PROGRAMMES) programme?: string;
  @ApiPropertyOptional({ enum: ASAM_LEVELS }) @IsOptional() @IsIn(ASAM_LEVELS) levelOfCare?: string;
}
