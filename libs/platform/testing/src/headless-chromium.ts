import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { ensureDebianPackage } from './debian-package';

export const CHROMIUM = '/usr/bin/chromium';

/** Debian's Chromium, installed on a fresh machine the first time a browser test needs it. */
export const ensureChromium = (): void =>
  // With its recommended packages: the fonts that make screenshots readable come with them.
  ensureDebianPackage('chromium', `Chromium (${CHROMIUM})`, () => existsSync(CHROMIUM), { recommends: true });

/**
 * Headless Chromium with no network chatter of its own. `launch` gives every browser a fresh,
 * throw-away user-data dir (Playwright refuses a --user-data-dir argument to it).
 */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
