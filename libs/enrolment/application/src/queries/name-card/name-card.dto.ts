import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** What a group facilitator needs to greet someone: the name they go by, pronouns and language. No clinical data. */
export class NameCardView {
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiPropertyOptional({ nullable: true, example: 'Annie L.', description: 'Null when erased or not recorded at this site' }) displayName!: string | null;
  @ApiPropertyOptional({ example: 'she/her' }) pronouns?: string;
  @ApiPropertyOptional({ example: 'es' }) preferredLanguage?: string;
}
