import { CONSENT_ENDING_EVENTS, CONSENT_PURPOSES, INFORMATION_CATEGORIES } from '@alongside/enrolment/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsString, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { IsCalendarDay } from '../../shared/calendar-day.validator';

const SITE_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export class ConsentRecipientDto {
  @ApiProperty({ enum: ['site', 'peer-support', 'organisation'], description: 'Another site of the network, the peer-support service at a site, or an outside organisation' })
  @IsIn(['site', 'peer-support', 'organisation'])
  kind!: 'site' | 'peer-support' | 'organisation';

  @ApiPropertyOptional({ example: 'south', description: "For `site` and `peer-support`: the site's id" })
  @ValidateIf((r: ConsentRecipientDto) => r.kind === 'site' || r.kind === 'peer-support')
  @Matches(SITE_ID, { message: 'siteId must be a site id (lower-case words joined by hyphens)' })
  @MaxLength(40)
  siteId?: string;

  @ApiPropertyOptional({ example: 'Cook County Drug Court', description: "For `organisation`: the organisation's name (never a private person's)" })
  @ValidateIf((r: ConsentRecipientDto) => r.kind === 'organisation')
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  organisationName?: string;
}

export class ConsentExpiryDto {
  @ApiProperty({ enum: ['date', 'event'] })
  @IsIn(['date', 'event'])
  kind!: 'date' | 'event';

  @ApiPropertyOptional({ example: '2026-02-03', description: 'For `date`: the last day the consent is active' })
  @ValidateIf((e: ConsentExpiryDto) => e.kind === 'date')
  @IsCalendarDay()
  on?: string;

  @ApiPropertyOptional({ enum: CONSENT_ENDING_EVENTS, description: 'For `event`: the event that ends the consent' })
  @ValidateIf((e: ConsentExpiryDto) => e.kind === 'event')
  @IsIn(CONSENT_ENDING_EVENTS)
  event?: (typeof CONSENT_ENDING_EVENTS)[number];
}

/** The elements of a written 42 CFR Part 2 consent. */
export class GrantConsentDto {
  @ApiProperty({ type: ConsentRecipientDto })
  @ValidateNested()
  @Type(() => ConsentRecipientDto)
  recipient!: ConsentRecipientDto;

  @ApiProperty({ enum: CONSENT_PURPOSES, example: 'transfer', description: 'peer-support and transfer need a consent of their own' })
  @IsIn(CONSENT_PURPOSES)
  purpose!: string;

  @ApiProperty({ enum: INFORMATION_CATEGORIES, isArray: true, example: ['enrolment-and-attendance', 'level-of-care'], description: 'How much and what kind of information may be disclosed' })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(INFORMATION_CATEGORIES, { each: true })
  informationCategories!: string[];

  @ApiProperty({ type: ConsentExpiryDto })
  @ValidateNested()
  @Type(() => ConsentExpiryDto)
  expiry!: ConsentExpiryDto;

  @ApiProperty({ example: '2025-02-20', description: 'The day the participant signed' })
  @IsCalendarDay()
  signedOn!: string;
}

export class ConsentGrantedDto {
  @ApiProperty({ format: 'uuid' }) consentId!: string;
}
