import { isOutage } from './outage';
import { defaultRetryPolicy, delayAfter } from './retry-policy';

describe('Handler failures', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['an administrator shutdown', Object.assign(new Error('terminating connection'), { code: '57P01' })],
    ['a connection exception', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['a pool timeout', new Error('timeout exceeded when trying to connect')],
  ])('treats %s as an outage to wait out', (_, error) => expect(isOutage(error)).toBe(true));

  it.each([
    ['a unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a domain refusal', new Error('This participant is not enrolled at this site')],
    ['a thrown string', 'nope'],
  ])('treats %s as a failure of this message', (_, error) => expect(isOutage(error)).toBe(false));

  it('backs off exponentially up to a cap', () => {
    expect([1, 2, 3, 4, 5, 10].map((attempt) => delayAfter(defaultRetryPolicy, attempt))).toEqual([200, 400, 800, 1600, 3200, 5000]);
  });
});
