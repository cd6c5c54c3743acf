import { ForbiddenException, InternalServerErrorException, NotFoundException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { Conflict, NotFound, RuleViolated } from '@alongside/platform/event-sourcing';
import { correlationIdOf } from './correlation-id';
import { InvalidInput } from './invalid-input';
import { mapException } from './problem-details.filter';
import { problemType } from './problem-details';

class NoSuchEnrolment extends NotFound {}
class AlreadyEnrolled extends Conflict {}
class DischargeBeforeAdmission extends RuleViolated {}

describe('Errors as problem details', () => {
  it('maps domain error kinds to 404, 409 and 422 with their words', () => {
    expect(mapException(new NoSuchEnrolment('No such enrolment.'))).toEqual({ status: 404, detail: 'No such enrolment.' });
    expect(mapException(new AlreadyEnrolled('Already enrolled.'))).toEqual({ status: 409, detail: 'Already enrolled.' });
    expect(mapException(new DischargeBeforeAdmission('A discharge cannot come before the admission.'))).toEqual({
      status: 422,
      detail: 'A discharge cannot come before the admission.',
    });
  });

  it('keeps HTTP exceptions below 500 with their message', () => {
    expect(mapException(new ForbiddenException('This needs one of the roles: clinician.'))).toEqual({
      status: 403,
      detail: 'This needs one of the roles: clinician.',
    });
    expect(mapException(new NotFoundException())).toMatchObject({ status: 404 });
  });

  it('lists field errors of invalid input', () => {
    const errors = [{ field: 'mood', rule: 'max', message: 'too high' }];
    expect(mapException(new InvalidInput(errors))).toMatchObject({ status: 400, errors });
  });

  it('words rate limiting for people', () => {
    expect(mapException(new ThrottlerException())).toEqual({ status: 429, detail: 'Too many requests. Wait a moment and try again.' });
  });

  it('hides what went wrong inside', () => {
    for (const error of [new Error('password authentication failed for user "enrolment"'), new InternalServerErrorException('pool exhausted'), 'a string']) {
      const mapped = mapException(error);
      expect(mapped.status).toBe(500);
      expect(mapped.detail).not.toMatch(/password|pool|string/);
    }
  });

  it('passes client errors that body parsing marks as safe to show', () => {
    expect(mapException(Object.assign(new Error('request entity too large'), { status: 413, expose: true }))).toEqual({
      status: 413,
      detail: 'request entity too large',
    });
    expect(mapException(Object.assign(new Error('secret'), { status: 400, expose: false })).status).toBe(500);
  });

  it('gives each kind a stable type', () => {
    expect([problemType(400), problemType(404), problemType(418)]).toEqual([
      'urn:alongside:problem:invalid-input',
      'urn:alongside:problem:not-found',
      'about:blank',
    ]);
  });
});

describe('Correlation ids', () => {
  it("prefer the runtime's request id, then a well-formed header, else a new one, and stay put", () => {
    expect(correlationIdOf({ headers: { 'x-correlation-id': 'from-caller' }, id: 'from-pino', method: 'GET', url: '/' })).toBe('from-pino');
    expect(correlationIdOf({ headers: { 'x-correlation-id': 'from-caller' }, method: 'GET', url: '/' })).toBe('from-caller');
    const request = { headers: { 'x-correlation-id': 'bad id\n{"injected":true}' }, method: 'GET', url: '/' };
    const id = correlationIdOf(request);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(correlationIdOf(request)).toBe(id);
  });
});
