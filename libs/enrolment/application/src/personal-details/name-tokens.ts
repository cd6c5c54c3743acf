import { createHmac } from 'node:crypto';

/**
 * Names as the blind index sees them: case, accents and punctuation do not matter, each word is a
 * token ("José María O'Neil" → josé→jose, maria, o, neil). A search matches people whose name
 * holds every token of the query, whole words only (a blind index cannot match prefixes).
 */
// Letters that carry no combining mark to strip, written as a clerk without the key would type them.
const PLAIN: Readonly<Record<string, string>> = { ł: 'l', ø: 'o', đ: 'd', ð: 'd', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ı: 'i', ħ: 'h' };

export const nameTokens = (...names: ReadonlyArray<string | undefined>): string[] => {
  const words = names
    .filter((name): name is string => typeof name === 'string')
    .flatMap((name) =>
      name
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[łøđðßæœþıħ]/gu, (letter) => PLAIN[letter] ?? letter)
        .split(/[^\p{L}\p{N}]+/u),
    )
    .filter((word) => word.length > 0);
  return [...new Set(words)].sort();
};

/** HMAC-SHA256 of each token under the site's key: equal names match, nothing else can be read back. */
export const blindTokens = (key: Buffer, tokens: readonly string[]): string[] =>
  tokens.map((token) => createHmac('sha256', key).update(token, 'utf8').digest('base64url'));
