import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { IsPastCalendarDay } from '../shared/calendar-day.validator';

export class ContactDto {
  @ApiPropertyOptional({ example: '+1 312 555 0142' })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9 ().-]{5,30}$/, { message: 'phone must be a telephone number' })
  phone?: string;

  @ApiPropertyOptional({ example: 'ana@example.org' })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string;

  @ApiPropertyOptional({ example: '1200 W Lake St, Chicago, IL 60607' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  address?: string;
}

/** A person's details at registration. Sealed with their own key; never in an event or a log. */
export class PersonalDetailsDto {
  @ApiProperty({ example: 'Ana', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  givenName!: string;

  @ApiProperty({ example: 'López', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  familyName!: string;

  @ApiPropertyOptional({ example: 'Annie', maxLength: 100 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  preferredName?: string;

  @ApiProperty({ example: '1991-07-14', description: 'Date of birth, YYYY-MM-DD' })
  @IsPastCalendarDay()
  dateOfBirth!: string;

  @ApiPropertyOptional({ type: ContactDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactDto)
  contact?: ContactDto;

  @ApiPropertyOptional({ example: 'es', description: 'BCP 47 language tag' })
  @IsOptional()
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'preferredLanguage must be a BCP 47 language tag such as en or es-MX' })
  preferredLanguage?: string;

  @ApiPropertyOptional({ example: 'she/her', maxLength: 40 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  pronouns?: string;
}

/** A correction: only the fields that change; the others stay as they were. */
export class DetailsCorrectionDto {
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) givenName?: string;
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) familyName?: string;
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) preferredName?: string;

  @ApiPropertyOptional({ example: '1991-07-14' })
  @IsOptional()
  @IsPastCalendarDay()
  dateOfBirth?: string;

  @ApiPropertyOptional({ type: ContactDto }) @IsOptional() @ValidateNested() @Type(() => ContactDto) contact?: ContactDto;

  @ApiPropertyOptional({ example: 'es' })
  @IsOptional()
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'preferredLanguage must be a BCP 47 language tag such as en or es-MX' })
  preferredLanguage?: string;

  @ApiPropertyOptional({ maxLength: 40 }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(40) pronouns?: string;
}
