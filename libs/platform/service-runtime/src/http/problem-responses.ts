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

/**
 * What only a service can say about its problem answers: what its 404 covers (a caseload, an
 * admission) and whose rules give its 422s. The rest is the same for every service.
 */
export type ServiceProblems = Readonly<{
  notFound: string;
  /** A query's 404, where it covers something else than a command's. */
  queryNotFound?: string;
  ruleRefused: string;
}>;

const problem = (description: string) => ({ description, type: ProblemDetailsDto });

/** The problem+json answers (RFC 9457) a command may give besides its success, in the OpenAPI document. */
export const commandResponses = (service: ServiceProblems) =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Send the same key to repeat a command safely: the repeat returns the first result and records nothing new.',
    }),
    ApiBadRequestResponse(problem('Bad input: which field, and which rule it broke. Nothing was recorded.')),
    ApiUnauthorizedResponse(problem('No valid bearer token')),
    ApiForbiddenResponse(problem('Your role may not do this')),
    ApiNotFoundResponse(problem(service.notFound)),
    ApiConflictResponse(problem('Changed by someone else meanwhile (reload and retry), or recorded already')),
    ApiUnprocessableEntityResponse(problem(service.ruleRefused)),
  );

/** The problem+json answers a query may give besides its success. */
export const queryResponses = (service: ServiceProblems) =>
  applyDecorators(
    ApiBadRequestResponse(problem('Bad query parameters: which one, and which rule it broke')),
    ApiUnauthorizedResponse(problem('No valid bearer token')),
    ApiForbiddenResponse(problem('Your role may not read this')),
    ApiNotFoundResponse(problem(service.queryNotFound ?? service.notFound)),
  );
