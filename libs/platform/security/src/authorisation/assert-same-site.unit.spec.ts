import { isDomainError } from '@alongside/platform/event-sourcing';
import { assertSameSite } from './assert-same-site';
import { NotFoundHere } from './not-found-here';

describe('assertSameSite', () => {
  it('passes an object of the site in the path', () => {
    expect(() => assertSameSite('north', 'north')).not.toThrow();
  });

  it("answers another site's object as not found, in the same words as an absent one", () => {
    const otherSite = (() => { try { assertSameSite('south', 'north'); } catch (e) { return e; } })();
    const absent = (() => { try { assertSameSite(undefined, 'north'); } catch (e) { return e; } })();
    expect(otherSite).toBeInstanceOf(NotFoundHere);
    expect(isDomainError(otherSite) && otherSite.kind).toBe('not-found');
    expect((otherSite as Error).message).toBe((absent as Error).message);
    expect((otherSite as Error).message).not.toMatch(/south|site/i);
  });
});
