import { TRANSFER_DECLINE_REASONS } from '@alongside/enrolment/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export class DeclineTransferDto {
  @ApiProperty({ enum: TRANSFER_DECLINE_REASONS, example: 'no-capacity' })
  @IsIn(TRANSFER_DECLINE_REASONS)
  reason!: string;
}

export class TransferDeclinedDto {
  @ApiProperty({ format: 'uuid' }) transferId!: string;
  @ApiProperty({ format: 'date-time' }) declinedAt!: string;
}
