import { ApiProperty } from '@nestjs/swagger';
import { PROGRAMMES } from '@alongside/enrolment/contracts';
import { FollowUpScheduleDto, MilestonePolicyDto } from '../../sites/configure-site/configure-site.dto';

export class SiteConfigurationView {
  @ApiProperty({ example: 'north' }) siteId!: string;
  @ApiProperty({ example: 'North Recovery Centre' }) name!: string;
  @ApiProperty({ example: 'America/Chicago' }) timeZone!: string;
  @ApiProperty({ enum: PROGRAMMES, isArray: true }) programmes!: string[];
  @ApiProperty({ type: MilestonePolicyDto }) milestonePolicy!: MilestonePolicyDto;
  @ApiProperty({ type: FollowUpScheduleDto }) followUpSchedule!: FollowUpScheduleDto;
  @ApiProperty({ example: 'medicaid-peer-support@1' }) payerRulesRef!: string;
  @ApiProperty({ example: 1 }) revision!: number;
  @ApiProperty({ format: 'date-time' }) configuredAt!: string;
  @ApiProperty({ example: 1 }) referenceDataVersion!: number;
}
