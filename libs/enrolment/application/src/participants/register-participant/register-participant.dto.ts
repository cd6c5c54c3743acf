import { ApiProperty } from '@nestjs/swagger';

export class ParticipantRegisteredDto {
  @ApiProperty({ format: 'uuid' }) participantId!: string;
}
