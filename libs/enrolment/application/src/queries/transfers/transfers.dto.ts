import { ASAM_LEVELS, PROGRAMMES, TRANSFER_DECLINE_REASONS, TRANSFER_REASONS } from '@alongside/enrolment/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '@alongside/platform/service-runtime';

export class TransfersQueryDto extends PageQuery {
  @ApiPropertyOptional({ enum: ['pending', 'accepted', 'declined'] }) @IsOptional() @IsIn(['pending', 'accepted', 'declined']) status?: string;

  @ApiPropertyOptional({ description: 'Only requests still unanswered after their time to answer' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;
}

export class TransferView {
  @ApiProperty({ format: 'uuid' }) transferId!: string;
  @ApiProperty({ enum: ['incoming', 'outgoing'] }) direction!: string;
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty({ example: 'north' }) fromSiteId!: string;
  @ApiProperty({ example: 'south' }) toSiteId!: string;
  @ApiProperty({ format: 'uuid', description: 'The episode at the sending site' }) sourceEpisodeId!: string;
  @ApiProperty({ format: 'uuid', description: 'The transfer consent the request was made under' }) consentId!: string;
  @ApiProperty({ enum: PROGRAMMES }) requestedProgramme!: string;
  @ApiProperty({ enum: ASAM_LEVELS }) requestedLevelOfCare!: string;
  @ApiProperty({ enum: TRANSFER_REASONS }) reason!: string;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ format: 'date-time' }) respondBy!: string;
  @ApiProperty({ enum: ['pending', 'accepted', 'declined'] }) status!: string;
  @ApiProperty({ description: 'Pending after its time to answer' }) overdue!: boolean;
  @ApiPropertyOptional({ format: 'date-time', nullable: true }) answeredAt!: string | null;
  @ApiPropertyOptional({ enum: TRANSFER_DECLINE_REASONS, nullable: true }) declineReason!: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'The new episode at the receiving site' }) destinationEpisodeId!: string | null;
  @ApiPropertyOptional({ nullable: true, example: '2025-04-02' }) admittedOn!: string | null;
}

export class TransferPage {
  @ApiProperty({ type: [TransferView] }) items!: TransferView[];
  @ApiPropertyOptional({ nullable: true }) nextCursor!: string | null;
}
