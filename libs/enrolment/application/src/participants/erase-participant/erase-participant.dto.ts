import { ApiProperty } from '@nestjs/swagger';

export class ParticipantErasedDto {
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty({ format: 'date-time' }) erasedAt!: string;
}
