// Hostile strings, item 5 of issue 13: SQL, markup and unicode edge cases stored through the
// services' routes come back byte for byte as JSON (never interpreted), the two no store can hold
// (a lone surrogate, NUL) are refused with a 400 naming the field, and the dashboard page shows
// them as text: no dialog, no element or handler of theirs in the DOM.
import type { Browser, Dialog } from 'playwright-core';
import { isWellFormedText } from '@alongside/platform/security';
import { waitFor } from '@alongside/platform/testing';
import { ensureChromium, launchChromium } from '@alongside/platform/testing/browser';
import { recordTrial } from '../report/trials';
import { HOSTILE_STRINGS } from './fixtures/hostile-strings';
import { unsignedToken } from '@alongside/platform/security';
import { configureSites } from './fixtures/other-site-objects';
import { bearer, startServices, type ServicesUnderTest, type ServiceUnderTest } from './fixtures/services-under-test';

const storable = HOSTILE_STRINGS.filter(isWellFormedText);
const unstorable = HOSTILE_STRINGS.filter((text) => !isWellFormedText(text));

let under: ServicesUnderTest;
let browser: Browser | undefined;

beforeAll(async () => {
  under = await startServices('abuse-hostile-strings');
  await configureSites(under, ['north']);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await under?.close();
});

type Field = Readonly<{
  service: 'enrolment' | 'sessions' | 'mentoring';
  field: string;
  /** Stores `text` in `field`; answers the response. */
  store: (service: ServiceUnderTest, text: string) => Promise<{ status: number; body: Record<string, unknown> }>;
  /** Reads back what was stored, as the API shows it; undefined until the read model has it. */
  readBack: (service: ServiceUnderTest, stored: Record<string, unknown>) => Promise<unknown>;
}>;

const as = (roles: Parameters<typeof bearer>[0]['roles']) => bearer({ roles, sub: `hostile-${roles.join('-')}` });

const FIELDS: readonly Field[] = [
  {
    service: 'enrolment',
    field: 'familyName',
    store: async (service, text) => service.http().post('/sites/north/participants').set('Authorization', await as(['clinician'])).send({ givenName: 'Ana', familyName: text, dateOfBirth: '1991-07-14' }),
    readBack: async (service, stored) => {
      const response = await service.http().get(`/sites/north/participants/${stored.participantId}`).set('Authorization', await as(['clinician']));
      return response.status === 200 ? (response.body.details?.familyName ?? response.body.familyName) : undefined;
    },
  },
  {
    service: 'mentoring',
    field: 'name',
    store: async (service, text) =>
      service.http().post('/sites/north/community-resources').set('Authorization', await as(['site-manager'])).send({ category: 'housing', name: text, description: 'Walk-in advice', contact: '1 Quay Road' }),
    readBack: async (service, stored) => {
      const list = (await service.http().get('/sites/north/community-resources').set('Authorization', await as(['site-manager'])).expect(200)).body;
      const items = (Array.isArray(list) ? list : list.items) as Array<Record<string, unknown>>;
      return items.find((item) => item.resourceId === stored.resourceId)?.name;
    },
  },
  {
    service: 'sessions',
    field: 'name',
    store: async (service, text) =>
      service.http().post('/sites/north/groups').set('Authorization', await as(['site-manager']))
        .send({ name: text, kind: 'workshop', facilitator: { kind: 'staff', id: '6f1b7a52-58a4-4c1e-9a1c-0d7a3c1c2b01' }, capacity: 10, location: 'Room 3', schedule: { slots: [], startsOn: '2025-01-01', endsOn: null, exceptions: [] } }),
    readBack: async (service, stored) => {
      const response = await service.http().get(`/sites/north/groups/${stored.groupId}/roster`).set('Authorization', await as(['site-manager']));
      return response.status === 200 ? response.body.name : undefined;
    },
  },
];

describe('hostile strings through the API', () => {
  it.each(FIELDS.map((f) => [`${f.service} ${f.field}`, f] as const))('%s: stored and read back byte for byte as JSON, or refused naming the field', async (_, f) => {
    const service = under.services[f.service];
    const wrong: string[] = [];
    const kept: Array<{ text: string; stored: Record<string, unknown> }> = [];
    for (const text of HOSTILE_STRINGS) {
      const before = await service.count();
      const stored = await f.store(service, text);
      if (!isWellFormedText(text)) {
        if (stored.status !== 400 || !JSON.stringify(stored.body).includes('wellFormedText') || (await service.count()) !== before) wrong.push(`${JSON.stringify(text)} not refused: ${stored.status}`);
        continue;
      }
      // A string too long for the field is refused on its length; every other one must be kept.
      if (stored.status === 400 && JSON.stringify(stored.body).includes(f.field) && text.length > 200) continue;
      if (stored.status !== 201) wrong.push(`${JSON.stringify(text.slice(0, 40))} answered ${stored.status}: ${JSON.stringify(stored.body).slice(0, 200)}`);
      else kept.push({ text, stored: stored.body });
    }
    // The read models follow the log, which a transaction open elsewhere on the shared server can hold
    // back for a while: wait for all of them at once, then compare each.
    const shownAll = await waitFor(
      async () => {
        const shown = await Promise.all(kept.map(({ stored }) => f.readBack(service, stored)));
        return shown.every((value) => value !== undefined) ? shown : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 250, what: 'the stored texts in the read model' },
    ).catch(() => Promise.all(kept.map(({ stored }) => f.readBack(service, stored))));
    kept.forEach(({ text }, i) => {
      if (shownAll[i] !== text) wrong.push(`${JSON.stringify(text.slice(0, 40))} came back as ${String(JSON.stringify(shownAll[i])).slice(0, 60)}`);
    });
    const probe = await service.http().get('/sites/north/nothing').set('Authorization', await as(['site-manager']));
    recordTrial({
      area: 'Bad input',
      tried: `${f.service} ${f.field}: ${HOSTILE_STRINGS.length} hostile strings (SQL, markup, RTL override, zero-width, emoji, lone surrogates, NUL, 10 000 characters) stored and read back`,
      times: HOSTILE_STRINGS.length,
      held: 'kept byte for byte and answered as JSON (nosniff); lone surrogate and NUL refused with 400 naming the field, nothing appended',
      passed: wrong.length === 0,
      figures: { storable: storable.length, refused: unstorable.length },
    });
    expect(probe.headers['x-content-type-options']).toBe('nosniff');
    expect(wrong).toEqual([]);
  }, 150_000);
});

describe('hostile strings on the dashboard page', () => {
  it('shows a pasted token’s names and sites as text, running nothing of theirs', async () => {
    ensureChromium();
    browser = await launchChromium();
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog: Dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const markup = storable.filter((text) => text.length < 200);
    const sub = markup.join(' | ');
    // The page reads the claims before the API checks the signature: an unsigned token is the attacker's own.
    const token = unsignedToken({ sub, roles: ['clinician'], sites: ['north', ...markup], exp: Math.floor(Date.now() / 1000) + 600 });
    await page.goto(`${under.services.outcomes.url.replace('[::1]', '127.0.0.1')}/dashboard`);
    await page.getByLabel('Access token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#who').waitFor();
    // Let the page fetch, fail (the token is refused) and render whatever it renders.
    await page.waitForTimeout(1_500);
    const who = await page.locator('#who').textContent();
    const options = await page.getByLabel('Site').locator('option').allTextContents();
    const injected = await page.evaluate(() => ({
      handlers: Array.from(document.querySelectorAll('*')).filter((element) => Array.from(element.attributes).some((attribute) => attribute.name.startsWith('on'))).length,
      images: document.querySelectorAll('img').length,
      inlineScripts: Array.from(document.querySelectorAll('script')).filter((script) => !script.src).length,
    }));
    recordTrial({
      area: 'Bad input',
      tried: `dashboard page signed in with a token whose name and ${markup.length} sites are hostile strings`,
      times: markup.length + 1,
      held: 'shown as text; no dialog, no element, handler or script of theirs in the DOM',
      passed: dialogs.length === 0 && injected.handlers === 0 && injected.images === 0 && who === `${sub} · clinician`,
      figures: { dialogs: dialogs.length, 'injected handlers': injected.handlers },
    });
    expect(dialogs).toEqual([]);
    expect(injected).toEqual({ handlers: 0, images: 0, inlineScripts: 0 });
    expect(options).toEqual(['north', ...markup]);
    expect(who).toBe(`${sub} · clinician`);
  }, 120_000);
});
