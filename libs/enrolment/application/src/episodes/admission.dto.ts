import { ASAM_LEVELS, PROGRAMMES, REFERRAL_SOURCES } from '@alongside/enrolment/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsCalendarDay } from '../shared/calendar-day.validator';

/** An admission (a first enrolment or a readmission): programme, ASAM level, referral source, day. */
export class AdmissionDto {
  @ApiProperty({ enum: PROGRAMMES, example: 'residential' })
  @IsIn(PROGRAMMES)
  programme!: string;

  @ApiProperty({ enum: ASAM_LEVELS, example: '3.5', description: 'ASAM level of care' })
  @IsIn(ASAM_LEVELS)
  levelOfCare!: string;

  @ApiProperty({ enum: REFERRAL_SOURCES, example: 'criminal-justice', description: 'TEDS principal source of referral' })
  @IsIn(REFERRAL_SOURCES)
  referralSource!: string;

  @ApiProperty({ example: '2025-02-03', description: 'The day of admission at the site; not after today' })
  @IsCalendarDay()
  admittedOn!: string;
}

export class EpisodeOpenedDto {
  @ApiProperty({ format: 'uuid' }) episodeId!: string;
}
