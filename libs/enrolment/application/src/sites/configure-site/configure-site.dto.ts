import { PROGRAMMES } from '@alongside/enrolment/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  IsTimeZone,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class MilestonePolicyDto {
  @ApiProperty({ type: [Number], example: [30, 60, 90, 180, 365], description: 'Days of sobriety celebrated, ascending' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(3650, { each: true })
  milestoneDays!: number[];

  @ApiProperty({ example: false, description: 'Whether a lapse (not only a relapse) restarts the sobriety count' })
  @IsBoolean()
  lapseRestartsCount!: boolean;
}

export class FollowUpScheduleDto {
  @ApiProperty({ type: [Number], example: [7, 30, 90, 180], description: 'Aftercare check-ins, in days after discharge, ascending' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(3650, { each: true })
  daysAfterDischarge!: number[];
}

/** A site's whole configuration: each PUT is a new revision. */
export class ConfigureSiteDto {
  @ApiProperty({ example: 'North Recovery Centre', maxLength: 120 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;

  @ApiProperty({ example: 'America/Chicago', description: 'IANA time zone: every calendar day of the site is read in it' })
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as America/Chicago' })
  timeZone!: string;

  @ApiProperty({ enum: PROGRAMMES, isArray: true, example: ['outpatient', 'intensive-outpatient', 'residential'] })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(PROGRAMMES, { each: true })
  programmes!: string[];

  @ApiProperty({ type: MilestonePolicyDto })
  @ValidateNested()
  @Type(() => MilestonePolicyDto)
  milestonePolicy!: MilestonePolicyDto;

  @ApiProperty({ type: FollowUpScheduleDto })
  @ValidateNested()
  @Type(() => FollowUpScheduleDto)
  followUpSchedule!: FollowUpScheduleDto;

  @ApiProperty({ example: 'medicaid-peer-support@1', description: 'The payer rules that apply, `<rule-set>@<version>`' })
  @Matches(/^[a-z0-9][a-z0-9-]*@[0-9]+$/, { message: 'payerRulesRef must name a rule set and its version, like medicaid-peer-support@1' })
  @MaxLength(120)
  payerRulesRef!: string;
}

export class SiteConfiguredDto {
  @ApiProperty({ example: 'north' }) siteId!: string;
  @ApiProperty({ example: 2, description: 'The revision now in force' }) revision!: number;
}
