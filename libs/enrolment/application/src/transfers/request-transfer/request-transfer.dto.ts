import { ASAM_LEVELS, PROGRAMMES, TRANSFER_REASONS } from '@alongside/enrolment/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, Matches, MaxLength, ValidateNested } from 'class-validator';

export class RequestedPlacementDto {
  @ApiProperty({ enum: PROGRAMMES, example: 'outpatient' })
  @IsIn(PROGRAMMES)
  programme!: string;

  @ApiProperty({ enum: ASAM_LEVELS, example: '1' })
  @IsIn(ASAM_LEVELS)
  levelOfCare!: string;
}

export class RequestTransferDto {
  @ApiProperty({ example: 'south', description: 'The receiving site; an active transfer consent must name it' })
  @Matches(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, { message: 'toSiteId must be a site id (lower-case words joined by hyphens)' })
  @MaxLength(40)
  toSiteId!: string;

  @ApiProperty({ type: RequestedPlacementDto })
  @ValidateNested()
  @Type(() => RequestedPlacementDto)
  requested!: RequestedPlacementDto;

  @ApiProperty({ enum: TRANSFER_REASONS, example: 'relocation' })
  @IsIn(TRANSFER_REASONS)
  reason!: string;
}

export class TransferRequestedDto {
  @ApiProperty({ format: 'uuid' }) transferId!: string;
  @ApiProperty({ format: 'uuid', description: 'The consent the request was made under' }) consentId!: string;
  @ApiProperty({ format: 'date-time', description: 'Unanswered after this, the request shows as overdue' }) respondBy!: string;
}
