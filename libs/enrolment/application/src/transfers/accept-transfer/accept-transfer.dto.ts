import { ASAM_LEVELS, PROGRAMMES } from '@alongside/enrolment/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsCalendarDay } from '../../shared/calendar-day.validator';

export class AcceptTransferDto {
  @ApiProperty({ enum: PROGRAMMES, example: 'outpatient', description: 'A programme this site offers' })
  @IsIn(PROGRAMMES)
  programme!: string;

  @ApiProperty({ enum: ASAM_LEVELS, example: '1' })
  @IsIn(ASAM_LEVELS)
  levelOfCare!: string;

  @ApiProperty({ example: '2025-04-02', description: 'The day of admission here; not after today at this site' })
  @IsCalendarDay()
  admittedOn!: string;
}

export class TransferAcceptedDto {
  @ApiProperty({ format: 'uuid' }) transferId!: string;
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty({ format: 'uuid', description: 'The new episode at this site' }) episodeId!: string;
}
