import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EpisodeView } from '../episode.view';
import { PersonalDetailsView } from '../personal-details.view';

export class ParticipantView {
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty({ example: 'north' }) siteId!: string;
  @ApiProperty({ enum: ['registered', 'referenced'], description: '`referenced`: known here through a transfer; the record stays at the sending site' })
  status!: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true }) registeredAt!: string | null;
  @ApiPropertyOptional({ nullable: true, example: 'north', description: 'For a referenced participant: the site that holds their history' })
  referencedFromSiteId!: string | null;
  @ApiProperty({ description: 'True once the personal details were erased (crypto-shredding)' }) erased!: boolean;
  @ApiPropertyOptional({ type: PersonalDetailsView, nullable: true, description: 'Null when erased, or not recorded at this site' })
  details!: PersonalDetailsView | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, description: 'When this version of the details was recorded' })
  detailsRecordedAt!: string | null;
  @ApiPropertyOptional({ type: EpisodeView, nullable: true }) activeEpisode!: EpisodeView | null;
}
