import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ensureDebianPackage } from './debian-package';

export const CHROMIUM = '/usr/bin/chromium';

/** Debian's Chromium, installed on a fresh machine the first time a browser test needs it. */
export const ensureChromium = (): void =>
  // With its recommended packages: the fonts that make screenshots readable come with them.
  ensureDebianPackage('chromium', `Chromium (${CHROMIUM})`, () => existsSync(CHROMIUM), { recommends: true });

/** The flags that work on this machine's Chromium: no GPU, no sandbox, no network chatter of its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Headless Chromium. `launch` gives every browser a fresh, throw-away user-data dir (Playwright
 * refuses a --user-data-dir argument to it).
 */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });

/**
 * Where browser tests put their screenshots: `.cache/screenshots` so that a test run leaves the
 * checkout clean, or `SCREENSHOT_DIR` (`npm run screenshots` refreshes docs/screenshots).
 */
export const screenshotDir = (): string => {
  const dir = process.env.SCREENSHOT_DIR
    ? resolve(process.env.SCREENSHOT_DIR)
    : join(__dirname, '..', '..', '..', '..', '.cache', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
};
