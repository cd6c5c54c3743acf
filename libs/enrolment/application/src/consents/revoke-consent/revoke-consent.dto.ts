import { ApiProperty } from '@nestjs/swagger';

export class ConsentRevokedDto {
  @ApiProperty({ format: 'uuid' }) consentId!: string;
  @ApiProperty({ format: 'date-time', description: 'No disclosure under this consent from this instant on' }) revokedAt!: string;
}
