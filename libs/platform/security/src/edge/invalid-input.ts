import { BadRequestException, type ValidationError } from '@nestjs/common';
import type { FieldError } from './problem-details';

/** A 400 that lists each field and the rule it broke. */
export class InvalidInput extends BadRequestException {
  constructor(readonly errors: readonly FieldError[]) {
    super(`The request has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}: ${[...new Set(errors.map((e) => e.field))].join(', ')}.`);
  }
}

/** class-validator's tree of errors as a flat list, nested fields as `address.city`, `items.0.kind`. */
export const fieldErrors = (errors: readonly ValidationError[], parent = ''): FieldError[] =>
  errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({ field, rule, message }));
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
