import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EpisodeView } from '../episode.view';

export class EpisodePage {
  @ApiProperty({ type: [EpisodeView] }) items!: EpisodeView[];
  @ApiPropertyOptional({ nullable: true }) nextCursor!: string | null;
}
