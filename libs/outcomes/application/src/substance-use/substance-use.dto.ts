import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { SCREEN_RESULTS, SPECIMENS, SUBSTANCES, type ScreenResult, type Specimen, type Substance } from '@alongside/outcomes/contracts';

export class ScreenedSubstanceDto {
  @ApiProperty({ enum: SUBSTANCES }) @IsIn(SUBSTANCES) substance!: Substance;
  @ApiProperty({ enum: SCREEN_RESULTS }) @IsIn(SCREEN_RESULTS) result!: ScreenResult;
  @ApiProperty({ description: 'A prescribed medication (e.g. buprenorphine in MOUD): its positive does not count as a positive screen' })
  @IsBoolean()
  prescribed!: boolean;
}

export class RecordDrugScreenDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() screenId?: string;
  @ApiProperty({ enum: SPECIMENS }) @IsIn(SPECIMENS) specimen!: Specimen;
  @ApiProperty({ example: '2026-05-01T09:00:00-04:00' }) @IsISO8601({ strict: true }) collectedAt!: string;
  @ApiProperty({ type: [ScreenedSubstanceDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SUBSTANCES.length)
  @ValidateNested({ each: true })
  @Type(() => ScreenedSubstanceDto)
  results!: ScreenedSubstanceDto[];
}

export class ReportedSubstanceDto {
  @ApiProperty({ enum: SUBSTANCES }) @IsIn(SUBSTANCES) substance!: Substance;
  @ApiProperty({ minimum: 0, maximum: 365 }) @IsInt() @Min(0) @Max(365) daysUsed!: number;
}

export class ReportSubstanceUseDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() reportId?: string;
  @ApiProperty({ minimum: 1, maximum: 365, example: 30, description: 'The period the report covers, in days up to today' })
  @IsInt()
  @Min(1)
  @Max(365)
  periodDays!: number;
  @ApiProperty({ type: [ReportedSubstanceDto] })
  @IsArray()
  @ArrayMaxSize(SUBSTANCES.length)
  @ValidateNested({ each: true })
  @Type(() => ReportedSubstanceDto)
  substances!: ReportedSubstanceDto[];
}

/** A lapse or a relapse: the clinician decides which, and they are counted apart. */
export class RecordReturnToUseDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() id?: string;
  @ApiProperty({ example: '2026-04-30', description: "The day of use, in the site's calendar" })
  @IsISO8601({ strict: true })
  occurredOn!: string;
  @ApiProperty({ enum: SUBSTANCES, isArray: true })
  @IsArray()
  @ArrayMaxSize(SUBSTANCES.length)
  @IsIn(SUBSTANCES, { each: true })
  substances!: Substance[];
}

export class RecordedDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: [String], example: ['RelapseRecorded', 'SobrietyStartSet'], description: 'The events recorded' })
  recorded!: string[];
}
