import { ValidationPipe } from '@nestjs/common';
import { fieldErrors, InvalidInput } from './invalid-input';

/**
 * Unknown fields are refused, not silently dropped (forbidNonWhitelisted): a client that sends
 * `diagnosis` to a route that does not take it learns so instead of believing it was stored.
 */
export const createValidationPipe = (): ValidationPipe =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InvalidInput(fieldErrors(errors)),
  });
