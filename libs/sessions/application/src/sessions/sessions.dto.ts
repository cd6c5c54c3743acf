import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { CANCELLATION_REASONS, type CancellationReason } from '@alongside/sessions/contracts';
import { INSTANT, ZONED } from '../shared/zoned';

export class CancelSessionDto {
  @ApiProperty({ enum: CANCELLATION_REASONS }) @IsIn(CANCELLATION_REASONS) reason!: CancellationReason;
}

export class MarkSessionHeldDto {
  @ApiProperty({ format: 'date-time', example: '2025-04-01T18:02:00+01:00' })
  @IsISO8601(INSTANT)
  @Matches(ZONED, { message: 'startedAt must carry a zone' })
  startedAt!: string;
  @ApiProperty({ format: 'date-time', example: '2025-04-01T19:30:00+01:00' })
  @IsISO8601(INSTANT)
  @Matches(ZONED, { message: 'endedAt must carry a zone' })
  endedAt!: string;
  @ApiProperty({ maxLength: 200, example: 'Coping with cravings', description: 'A topic, not a note: it leaves the service in SessionHeld' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  topic!: string;
}

export class RecordedDto {
  @ApiProperty({ example: ['SessionHeld'] }) recorded!: string[];
}
