import { CONSENT_PURPOSES, INFORMATION_CATEGORIES } from '@alongside/enrolment/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '@alongside/platform/service-runtime';

export class ConsentsQueryDto extends PageQuery {
  @ApiPropertyOptional({ enum: ['active', 'all'], default: 'active', description: 'active: not revoked, not ended, not past its expiry day at the site' })
  @IsOptional()
  @IsIn(['active', 'all'])
  status?: 'active' | 'all';

  @ApiPropertyOptional({ enum: CONSENT_PURPOSES }) @IsOptional() @IsIn(CONSENT_PURPOSES) purpose?: string;
}

export class ConsentView {
  @ApiProperty({ format: 'uuid' }) consentId!: string;
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty({ enum: CONSENT_PURPOSES }) purpose!: string;
  @ApiProperty({ example: { kind: 'site', siteId: 'south' } }) recipient!: Record<string, string>;
  @ApiProperty({ enum: INFORMATION_CATEGORIES, isArray: true }) informationCategories!: string[];
  @ApiProperty({ example: { kind: 'date', on: '2025-12-31' } }) expiry!: Record<string, string>;
  @ApiProperty({ example: '2025-02-20' }) signedOn!: string;
  @ApiProperty({ format: 'date-time' }) grantedAt!: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true }) revokedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, example: '2025-04-02' }) endedOn!: string | null;
  @ApiProperty({ description: 'Active today at the site' }) active!: boolean;
  @ApiProperty({ example: 1 }) referenceDataVersion!: number;
}

export class ConsentPage {
  @ApiProperty({ type: [ConsentView] }) items!: ConsentView[];
  @ApiPropertyOptional({ nullable: true }) nextCursor!: string | null;
}
