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

const described = (description: string) => ({ description, type: ProblemDetailsDto });

/** The problem+json answers every outcomes command may give (RFC 9457). */
export const CommandResponses = () =>
  applyDecorators(
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A repeat with the same key returns the first result and appends nothing' }),
    ApiBadRequestResponse(described('Bad input: which field, and why')),
    ApiUnauthorizedResponse(described('No valid token')),
    ApiForbiddenResponse(described('The role may not do this')),
    ApiNotFoundResponse(described("No admission of this participant at this site (absent, or another site's)")),
    ApiConflictResponse(described('Changed by someone else meanwhile, or recorded already')),
    ApiUnprocessableEntityResponse(described('A clinical rule refused it; the detail says why')),
  );

export const QueryResponses = () =>
  applyDecorators(
    ApiBadRequestResponse(described('Bad query parameters')),
    ApiUnauthorizedResponse(described('No valid token')),
    ApiForbiddenResponse(described('The role may not read this')),
    ApiNotFoundResponse(described("Another site's, or not one of the token's sites")),
  );
