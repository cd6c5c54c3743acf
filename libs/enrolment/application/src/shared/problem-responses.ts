import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ProblemDetailsDto } from './problem-details.dto';

const withSchema = (description: string) => ({ description, type: ProblemDetailsDto });

/** The answers every enrolment command may give besides its success (problem+json, RFC 9457). */
export const CommandResponses = () =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Send the same key to repeat a command safely: the repeat returns the first result and records nothing new.',
    }),
    ApiBadRequestResponse(withSchema('Bad input: which field, and which rule it broke. Nothing was recorded.')),
    ApiUnauthorizedResponse(withSchema('No valid bearer token')),
    ApiForbiddenResponse(withSchema('Your role may not do this')),
    ApiNotFoundResponse(withSchema("Absent, or another site's")),
    ApiConflictResponse(withSchema('Changed by someone else meanwhile (reload and retry), or recorded already')),
    ApiUnprocessableEntityResponse(withSchema('An enrolment rule refused it; the detail says why, in words a clinician understands')),
  );

export const QueryResponses = () =>
  applyDecorators(
    ApiBadRequestResponse(withSchema('Bad query parameters')),
    ApiUnauthorizedResponse(withSchema('No valid bearer token')),
    ApiForbiddenResponse(withSchema('Your role may not read this')),
    ApiNotFoundResponse(withSchema("Absent, or another site's")),
  );
