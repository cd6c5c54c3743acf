import { ApiProperty } from '@nestjs/swagger';
import { EpisodeOpenedDto } from '../admission.dto';

export class ReadmittedDto extends EpisodeOpenedDto {
  @ApiProperty({ format: 'uuid', description: 'The episode this one follows' }) previousEpisodeId!: string;
}
