import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import request from 'supertest';
import { siteId } from '@alongside/platform/event-sourcing';
import { mintDevToken } from '@alongside/platform/security';
import { waitFor, type TestDatabase } from '@alongside/platform/testing';
import { CHROMIUM, CHROMIUM_ARGS, ensureChromium, screenshotDir } from '@alongside/platform/testing/browser';
import { createCompanionServer } from '../companion-server';
import { hearContactRequest, startMentoring } from './mentoring-under-test';
import { admit, hearMentorContact, startOutcomes } from './outcomes-under-test';
import { groupWithSessions, startSessions, upcomingFor } from './sessions-under-test';

const north = siteId('north');

let outcomes: INestApplication;
let mentoring: INestApplication;
let sessions: INestApplication;
const databases: TestDatabase[] = [];
let companion: Server;
let browser: BrowserContext;
let page: Page;
let participantId: string;
let token: string;

const portOf = (server: Server) => (server.address() as AddressInfo).port;

beforeAll(async () => {
  ensureChromium();
  const services = await Promise.all([startOutcomes(() => new Date()), startMentoring(() => new Date()), startSessions(() => new Date())]);
  [outcomes, mentoring, sessions] = services.map((s) => s.app);
  databases.push(...services.map((s) => s.database));
  for (const app of [outcomes, mentoring, sessions]) await app.listen(0, '127.0.0.1');
  participantId = await admit(outcomes, north);
  await hearMentorContact(outcomes, north, participantId, new Date(Date.now() - 2 * 86_400_000).toISOString());
  const inDays = (days: number, hour: number) => new Date(Math.ceil(Date.now() / 86_400_000 + days) * 86_400_000 + hour * 3_600_000).toISOString();
  await groupWithSessions(sessions, north, participantId, 'Tuesday evening peer circle', [inDays(1, 17), inDays(8, 17)]);
  await upcomingFor(sessions, north, participantId, 2);
  await hearContactRequest(mentoring, databases[1].url, north, participantId, new Date(Date.now() - 86_400_000).toISOString());
  const today = new Date();
  const started = new Date(today.getTime() - 64 * 86_400_000).toISOString().slice(0, 10);
  await request(outcomes.getHttpServer())
    .put(`/sites/north/participants/${participantId}/sobriety-date`)
    .set('Authorization', `Bearer ${await mintDevToken({ roles: ['clinician'], sites: [north] })}`)
    .send({ startedOn: started })
    .expect(200);
  token = await mintDevToken({ roles: ['participant'], sites: [north], participantId, sub: `p-${participantId}` });
  const urlOf = (app: INestApplication) => `http://127.0.0.1:${portOf(app.getHttpServer())}`;
  companion = createCompanionServer({ outcomesUrl: urlOf(outcomes), mentoringUrl: urlOf(mentoring), sessionsUrl: urlOf(sessions) });
  await new Promise<void>((resolve) => companion.listen(0, '127.0.0.1', resolve));
  // A fresh profile each run (playwright passes it as --user-data-dir).
  browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'companion-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  page = browser.pages()[0] ?? (await browser.newPage());
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => companion?.close(resolve));
  for (const app of [outcomes, mentoring, sessions]) await app?.close();
  for (const database of databases) await database.drop();
});

const checkIn = async (mood: string, craving: number, used: string, note?: string) => {
  await page.getByRole('radio', { name: new RegExp(`^${mood}`) }).check({ force: true });
  await page.locator('#craving').fill(String(craving));
  await page.getByRole('radio', { name: used, exact: true }).check({ force: true });
  if (note) await page.getByLabel(/A line for yourself/).fill(note);
  await page.getByRole('button', { name: 'Check in' }).click();
};

const recordedCheckIns = async () =>
  (await request(outcomes.getHttpServer()).get(`/sites/north/participants/${participantId}/check-ins`).set('Authorization', `Bearer ${token}`).expect(200)).body as { checkInId: string; mood: number; craving: number; usedToday: string; note: string | null }[];

describe('Companion in a phone-sized browser', () => {
  it('checks in, shows the milestone, queues a check-in offline and sends it once when back online', async () => {
    await page.goto(`http://127.0.0.1:${portOf(companion)}/#token=${token}`);
    await page.locator('#days').filter({ hasText: '64' }).waitFor();
    await page.getByText('Next milestone: 90 days — 26 to go.').waitFor();
    expect(await page.locator('#reached li').allTextContents()).toEqual(['30 days', '60 days']);
    await page.locator('#upcoming li').filter({ hasText: 'Tuesday evening peer circle' }).first().waitFor();
    expect(await page.locator('#upcoming li').count()).toBe(2);
    await page.getByText(/^Last time with your mentor:/).waitFor();
    await page.locator('#told li').filter({ hasText: 'They asked you to get in touch' }).waitFor();
    await page.screenshot({ path: join(screenshotDir(), 'companion-home.png'), fullPage: true });

    await checkIn('4', 3, 'No', 'A good walk this morning');
    await page.getByText('Thank you for checking in.').waitFor();
    await page.locator('#recent li').filter({ hasText: 'Mood 4' }).waitFor();
    await page.screenshot({ path: join(screenshotDir(), 'companion-checked-in.png'), fullPage: true });

    await page.context().setOffline(true);
    await page.getByText('Offline', { exact: true }).waitFor();
    await checkIn('2', 6, 'Rather not say');
    await page.getByText('Saved on this phone. It will be sent when you are back online.').waitFor();
    await page.screenshot({ path: join(screenshotDir(), 'companion-offline.png'), fullPage: true });
    expect((await recordedCheckIns()).map((c) => c.mood)).toEqual([4]);

    await page.context().setOffline(false);
    await page.getByText('Back online: your check-ins are sent.').waitFor();
    await page.locator('#recent li').filter({ hasText: 'Mood 2' }).filter({ hasNot: page.locator('.pending') }).waitFor();
    await page.screenshot({ path: join(screenshotDir(), 'companion-back-online.png'), fullPage: true });
    const recorded = await recordedCheckIns();
    expect(recorded.map((c) => c.mood).sort()).toEqual([2, 4]);
    expect(new Set(recorded.map((c) => c.checkInId)).size).toBe(2);

    await page.getByRole('button', { name: 'Ask my mentor to get in touch' }).click();
    await page.getByText('Your mentor will see that you would like to talk.').waitFor();

    // A reload sends the (now empty) outbox again: still recorded once.
    await page.reload();
    await page.locator('#recent li').filter({ hasText: 'Mood 2' }).waitFor();
    expect(await recordedCheckIns()).toHaveLength(2);
  });


  it('checks in with the keyboard alone, every control named for a screen reader', async () => {
    await page.locator('input[name=mood]').first().focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('craving');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Kept busy');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Check in');
    await page.screenshot({ path: join(screenshotDir(), 'companion-keyboard.png') });
    await page.keyboard.press('Enter');
    await page.getByText('Thank you for checking in.').waitFor();
    await page.getByRole('slider', { name: /Craving right now/ }).waitFor();
    const latest = await waitFor(async () => (await recordedCheckIns()).find((c) => c.mood === 3));
    expect(latest).toMatchObject({ mood: 3, craving: 5, usedToday: 'no', note: 'Kept busy' });
  });

  it('serves a manifest and a service worker so it installs as an app', async () => {
    const manifest = await page.evaluate(async () => (await fetch('/manifest.webmanifest')).json());
    expect(manifest).toMatchObject({ display: 'standalone', start_url: '/' });
    const registered = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL ?? (await navigator.serviceWorker.ready).active?.scriptURL);
    expect(registered).toMatch(/\/sw\.js$/);
  });
});
