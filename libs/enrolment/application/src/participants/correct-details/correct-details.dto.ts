import { ApiProperty } from '@nestjs/swagger';
import { PERSONAL_DETAIL_FIELDS } from '@alongside/enrolment/contracts';

export class DetailsCorrectedDto {
  @ApiProperty({ format: 'uuid', description: 'The new version of the details' }) detailsId!: string;
  @ApiProperty({ enum: PERSONAL_DETAIL_FIELDS, isArray: true }) correctedFields!: string[];
}
