import { blindTokens, nameTokens } from './name-tokens';

describe('Names in the blind index', () => {
  it('ignores case, accents and punctuation, and keeps each word once, sorted', () => {
    expect(nameTokens('José María', "O'Neil-Núñez", 'JOSÉ')).toEqual(['jose', 'maria', 'neil', 'nunez', 'o']);
  });

  it('reads names in other scripts as words too', () => {
    expect(nameTokens('Zoë Ağaoğlu', 'Łukasz Żółć', 'Søren Großmann')).toEqual(['agaoglu', 'grossmann', 'lukasz', 'soren', 'zoe', 'zolc']);
    expect(nameTokens('Сергей Иванов')).toEqual(['иванов', 'сергеи']);
  });

  it('gives nothing for nothing', () => {
    expect(nameTokens(undefined, '', ' - ')).toEqual([]);
  });

  it('hides each token behind the site key: the same name matches at one site, not across sites', () => {
    const north = Buffer.alloc(32, 1);
    const south = Buffer.alloc(32, 2);
    const [ana] = blindTokens(north, ['ana']);
    expect(blindTokens(north, ['ana'])).toEqual([ana]);
    expect(blindTokens(south, ['ana'])).not.toEqual([ana]);
    expect(ana).not.toContain('ana');
    expect(ana).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
