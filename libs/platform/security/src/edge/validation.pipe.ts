import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { fieldErrors, InvalidInput } from './invalid-input';
import { malformedTextFields } from './well-formed-text';

/** class-validator's pipe, after a check that every string in the input is text it can read. */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const malformed = malformedTextFields(value, metadata.data ?? (value !== null && typeof value === 'object' ? '' : metadata.type));
      if (malformed.length > 0) throw new InvalidInput(malformed);
    }
    return super.transform(value, metadata);
  }
}

/**
 * Unknown fields are refused, not silently dropped (forbidNonWhitelisted): a client that sends
 * `diagnosis` to a route that does not take it learns so instead of believing it was stored.
 */
export const createValidationPipe = (): ValidationPipe =>
  new InputValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InvalidInput(fieldErrors(errors)),
  });
