import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class FieldErrorDto {
  @ApiProperty({ example: 'admittedOn' }) field!: string;
  @ApiProperty({ example: 'isISO8601' }) rule!: string;
  @ApiProperty({ example: 'admittedOn must be a calendar day (YYYY-MM-DD)' }) message!: string;
}

/** RFC 9457 `application/problem+json`, as the security edge's filter answers every error. */
export class ProblemDetailsDto {
  @ApiProperty({ example: 'urn:alongside:problem:rule-violated' }) type!: string;
  @ApiProperty({ example: 'Refused by a rule' }) title!: string;
  @ApiProperty({ example: 422 }) status!: number;
  @ApiPropertyOptional({
    example:
      'This participant already has an active enrolment at this site; change their level of care or discharge them first.',
  })
  detail?: string;
  @ApiPropertyOptional({ example: '/sites/north/participants/6f1c2b7e-3d4a-4c5b-8e9f-0a1b2c3d4e5f/episodes' })
  instance?: string;
  @ApiProperty() correlationId!: string;
  @ApiPropertyOptional({ type: [FieldErrorDto], description: '400 only: each field and the rule it broke' })
  errors?: FieldErrorDto[];
}
