import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { MATCH_END_REASONS, SPECIALITIES, type MatchEndReason, type Speciality } from '@alongside/mentoring/contracts';

const commaList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((v) => v.trim()).filter((v) => v.length > 0) : value;

export class ProposeMatchDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() matchId?: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() participantId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() mentorId!: string;
}

export class EndMatchDto {
  @ApiProperty({ enum: MATCH_END_REASONS }) @IsIn(MATCH_END_REASONS) reason!: MatchEndReason;
}

export class MatchSuggestionsQuery {
  @ApiPropertyOptional({ description: 'Languages the participant speaks, comma-separated BCP 47 tags', example: 'es,en' })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { each: true })
  languages?: string[];

  @ApiPropertyOptional({ description: 'What the participant would value in a mentor, comma-separated', example: 'opioid-use,young-adults' })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayMaxSize(SPECIALITIES.length)
  @IsIn(SPECIALITIES, { each: true })
  specialities?: Speciality[];
}

export class MatchRecordedDto {
  @ApiProperty({ format: 'uuid' }) matchId!: string;
  @ApiProperty({ example: ['MatchProposed'] }) recorded!: string[];
}

export class MatchSuggestionDto {
  @ApiProperty() rank!: number;
  @ApiProperty({ format: 'uuid' }) mentorId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ description: 'Certified, with room in the caseload' }) eligible!: boolean;
  @ApiProperty({ enum: ['certification-lapsed', 'caseload-full'], isArray: true }) ineligibleBecause!: string[];
  @ApiProperty({ type: [String] }) sharedLanguages!: string[];
  @ApiProperty({ enum: SPECIALITIES, isArray: true }) sharedSpecialities!: string[];
  @ApiProperty() caseloadRoom!: number;
  @ApiProperty() openEscalations!: number;
}

export class MatchSuggestionsDto {
  @ApiProperty({ type: [MatchSuggestionDto] }) items!: MatchSuggestionDto[];
}
