import { decodeJwt, decodeProtectedHeader } from 'jose';
import { mintDevToken, ttlSeconds } from './dev-token';

describe('Development tokens', () => {
  it('reads durations', () => {
    expect([ttlSeconds('30s'), ttlSeconds('15m'), ttlSeconds('8h'), ttlSeconds('7d'), ttlSeconds('-60'), ttlSeconds(90)]).toEqual([
      30, 900, 28_800, 604_800, -60, 90,
    ]);
    expect(() => ttlSeconds('soon')).toThrow(/duration/);
  });

  it('carries the claims the guard expects, HS256, 8 hours by default', async () => {
    const now = new Date('2026-03-01T09:00:00Z');
    const token = await mintDevToken({ roles: ['peer-mentor'], sites: ['north'], mentorId: 'm-7', sub: 'sam' }, { now });
    expect(decodeProtectedHeader(token).alg).toBe('HS256');
    expect(decodeJwt(token)).toMatchObject({
      sub: 'sam',
      roles: ['peer-mentor'],
      sites: ['north'],
      mentorId: 'm-7',
      iss: 'alongside',
      aud: 'alongside',
      iat: now.getTime() / 1000,
      exp: now.getTime() / 1000 + 8 * 3600,
    });
  });

  it('names the subject after the role when none is given', async () => {
    expect(decodeJwt(await mintDevToken({ roles: ['analyst'], sites: ['north'] })).sub).toBe('dev-analyst');
  });

  it('refuses to mint a token the guard would refuse', async () => {
    await expect(mintDevToken({ roles: ['participant'], sites: ['north', 'south'], participantId: 'p' })).rejects.toThrow(/exactly one site/);
  });
});
