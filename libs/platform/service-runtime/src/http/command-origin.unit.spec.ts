import { siteId, type Actor } from '@alongside/platform/event-sourcing';
import { InvalidInput, type SecuredRequest } from '@alongside/platform/security';
import { commandContext, commandOriginOf, newIdsIn } from './command-origin';

const request = (headers: SecuredRequest['headers'], id?: string): SecuredRequest => ({
  headers,
  method: 'POST',
  url: '/sites/north/things',
  id,
});
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('Where a command came from', () => {
  it('takes its command id from Idempotency-Key, so a repeat is the same command', () => {
    const first = commandOriginOf(request({ 'idempotency-key': 'order-2026.12:01' }));
    const again = commandOriginOf(request({ 'idempotency-key': 'order-2026.12:01' }));
    expect([first.commandId, again.commandId]).toEqual(['order-2026.12:01', 'order-2026.12:01']);
  });

  it('gives each request without a key a fresh command id', () => {
    const [a, b] = [commandOriginOf(request({})), commandOriginOf(request({}))];
    expect(a.commandId).toMatch(UUID);
    expect(b.commandId).not.toBe(a.commandId);
  });

  it("carries the request's correlation id", () => {
    expect(commandOriginOf(request({}, 'req-42')).correlationId).toBe('req-42');
    expect(commandOriginOf(request({ 'x-correlation-id': 'from-the-caller' })).correlationId).toBe(
      'from-the-caller',
    );
  });

  it.each([
    ['too short', 'abc'],
    ['too long', 'k'.repeat(129)],
    ['a character outside the set', 'order 2026/12'],
    ['sent twice', ['order-2026-1', 'order-2026-2']],
  ])('refuses a key %s as a 400 naming the header', (_what, key) => {
    let caught: unknown;
    try {
      commandOriginOf(request({ 'idempotency-key': key }));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidInput);
    expect((caught as InvalidInput).errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
  });

  it('puts origin, site, actor and time into the command context', () => {
    const actor: Actor = { sub: 'u-1', role: 'clinician' };
    const context = commandContext(
      { commandId: 'c-1', correlationId: 'r-1' },
      siteId('north'),
      actor,
      new Date('2026-12-02T10:00:00Z'),
    );
    expect(context).toEqual({
      commandId: 'c-1',
      correlationId: 'r-1',
      siteId: 'north',
      actor,
      occurredAt: '2026-12-02T10:00:00.000Z',
    });
  });

  it("derives the same new id for the same command and name, and another for another name or another service's namespace", () => {
    const mentoring = newIdsIn('7d0f4b2a-9c3e-5a61-8f47-2b6c1d9e0a35');
    const sessions = newIdsIn('2b9e6d4c-0a8f-5c13-9d7e-6f1a3b5c7d9e');
    const origin = { commandId: 'order-2026.12:01' };
    expect(mentoring(origin, 'match')).toBe(mentoring({ commandId: 'order-2026.12:01' }, 'match'));
    expect(mentoring(origin, 'match')).toMatch(UUID);
    expect(
      new Set([mentoring(origin, 'match'), mentoring(origin, 'contact'), sessions(origin, 'match')]).size,
    ).toBe(3);
  });
});
