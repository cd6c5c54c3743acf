import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '@alongside/platform/service-runtime';

export class FindParticipantsQueryDto extends PageQuery {
  @ApiProperty({ example: 'ana lopez', description: 'Whole words of the name, any order; case and accents do not matter' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;
}

export class ParticipantMatchView {
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty({ example: 'Ana' }) givenName!: string;
  @ApiProperty({ example: 'López' }) familyName!: string;
  @ApiPropertyOptional({ example: 'Annie' }) preferredName?: string;
  @ApiProperty({ example: '1991-07-14' }) dateOfBirth!: string;
  @ApiProperty({ description: 'In treatment here now' }) inTreatment!: boolean;
}

export class ParticipantMatchPage {
  @ApiProperty({ type: [ParticipantMatchView] }) items!: ParticipantMatchView[];
  @ApiPropertyOptional({ nullable: true }) nextCursor!: string | null;
}
