import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CONTACT_KINDS, type ContactKind } from '@alongside/mentoring/contracts';
import { ZONED } from '../mentors/mentor.dto';

export class LogContactDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() contactId?: string;
  @ApiProperty({ enum: CONTACT_KINDS }) @IsIn(CONTACT_KINDS) kind!: ContactKind;
  @ApiProperty({ minimum: 1, maximum: 720, example: 45 }) @IsInt() @Min(1) @Max(720) minutes!: number;
  @ApiProperty({ format: 'date-time', example: '2025-03-12T16:00:00-05:00' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(ZONED, { message: 'contactAt must carry a zone' })
  contactAt!: string;
  @ApiPropertyOptional({ maxLength: 4000, description: 'Kept encrypted in this service; never in an event' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  note?: string;
}

export class ContactLoggedDto {
  @ApiProperty({ format: 'uuid' }) contactId!: string;
  @ApiProperty({ example: ['ContactLogged'] }) recorded!: string[];
}
