import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** RFC 9457 problem details, as the platform's filter writes them (application/problem+json). */
export class ProblemDetailsDto {
  @ApiProperty({ example: 'urn:alongside:problem:rule-violated' }) type!: string;
  @ApiProperty({ example: 'Refused by a rule' }) title!: string;
  @ApiProperty({ example: 422 }) status!: number;
  @ApiProperty({ example: 'The relapse date (2026-05-02) is in the future; record it once it has happened.' }) detail!: string;
  @ApiPropertyOptional({ description: 'For 400: each field and the rule it broke' }) errors?: { field: string; rule: string; message: string }[];
}
