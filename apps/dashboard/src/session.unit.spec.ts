import { unsignedToken } from '@alongside/platform/security';
import { sessionFrom } from './session';

describe('Dashboard session from a pasted token', () => {
  it('reads names and sites in any script as written (the claims are UTF-8)', () => {
    const sub = 'José Núñez 👩🏽‍⚕️ \u202Eabc zero\u200Bwidth';
    const session = sessionFrom(unsignedToken({ sub, roles: ['clinician'], sites: ['north', 'søuth'] }));
    expect(session.sub).toBe(sub);
    expect(session.sites).toEqual(['north', 'søuth']);
  });
});
