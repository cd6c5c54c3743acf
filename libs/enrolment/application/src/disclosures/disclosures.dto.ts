import { ApiProperty } from '@nestjs/swagger';

class ActorView {
  @ApiProperty() sub!: string;
  @ApiProperty({ example: 'clinician' }) role!: string;
}

export class DisclosureView {
  @ApiProperty({ format: 'date-time' }) disclosedAt!: string;
  @ApiProperty({ enum: ['export', 'transfer', 'disclosure'] }) kind!: string;
  @ApiProperty({ example: 'south' }) recipient!: string;
  @ApiProperty({ example: 'transfer' }) purpose!: string;
  @ApiProperty({ format: 'uuid', description: 'The Part 2 consent that allowed it' }) consentId!: string;
  @ApiProperty({ type: [String], example: ['enrolment-and-attendance', 'level-of-care'] }) information!: string[];
  @ApiProperty({ type: ActorView }) disclosedBy!: ActorView;
  @ApiProperty() correlationId!: string;
}

export class AccountingOfDisclosuresView {
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty({ example: 'north' }) siteId!: string;
  @ApiProperty({ format: 'date-time', description: 'Start of the three-year period' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty({ type: [DisclosureView], description: 'Newest first' }) disclosures!: DisclosureView[];
}
