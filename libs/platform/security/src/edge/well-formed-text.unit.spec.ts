import fc from 'fast-check';
import { InvalidInput } from './invalid-input';
import { createValidationPipe } from './validation.pipe';
import { isWellFormedText, malformedTextFields } from './well-formed-text';

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

describe('Well-formed input text', () => {
  it('accepts any Unicode text, emoji, RTL marks and zero-width joiners included (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => isWellFormedText(text.split('\u0000').join(''))), { seed: 1305 });
    expect(isWellFormedText('👩🏽‍⚕️ \u202Egnp.exe zero\u200Bwidth')).toBe(true);
  });

  it('refuses a lone surrogate or a NUL anywhere in a string (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.oneof(loneSurrogate, fc.constant('\u0000')), fc.string(), (before, bad, after) =>
        // A high surrogate followed by a low one is a pair, not a lone surrogate: keep the bad unit apart.
        !isWellFormedText(`${before}\u0020${bad}\u0020${after}`),
      ),
      { seed: 1305 },
    );
  });

  it('names each malformed field by its path, keys included', () => {
    expect(malformedTextFields({ contact: { email: 'a\uD800@example.org' }, items: ['ok', 'nul\u0000'], ['k\uDC00']: 1 }, '').map((e) => e.field)).toEqual([
      'contact.email',
      'items.1',
      'k\uDC00',
    ]);
  });

  it('answers 400 naming the field before class-validator reads the text (its isEmail throws on a lone surrogate)', async () => {
    const pipe = createValidationPipe();
    const refused = pipe.transform({ contact: { email: 'ana\uD800@example.org' } }, { type: 'body', metatype: Object, data: undefined });
    await expect(refused).rejects.toBeInstanceOf(InvalidInput);
    await expect(refused).rejects.toMatchObject({ errors: [{ field: 'contact.email', rule: 'wellFormedText' }] });
  });
});
