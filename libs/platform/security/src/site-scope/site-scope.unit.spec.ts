import { siteId } from '@alongside/platform/event-sourcing';
import { inEventSiteScope } from './in-event-site-scope';
import { siteScope } from './site-scope';

const north = siteId('north');
const south = siteId('south');

describe('Site scope', () => {
  it('gives no site outside any scope, and none to a request before its token is admitted', async () => {
    expect(siteScope.setting()).toBe('');
    await siteScope.openRequest(async () => {
      await Promise.resolve();
      expect(siteScope.setting()).toBe('');
    });
  });

  it("admits the token's sites into the request's scope, across awaits", async () => {
    const seen = await siteScope.openRequest(async () => {
      siteScope.admit([north, south]);
      await new Promise((resolve) => setTimeout(resolve, 1));
      return siteScope.setting();
    });
    expect(seen).toBe('north,south');
  });

  it('never widens a scope once set, and admits nothing outside a request', () => {
    siteScope.run([north], () => {
      siteScope.admit([south]);
      expect(siteScope.setting()).toBe('north');
    });
    siteScope.openRequest(() => {
      siteScope.admit([north]);
      siteScope.admit([north, south]);
      expect(siteScope.setting()).toBe('north');
    });
    siteScope.admit([south]);
    expect(siteScope.setting()).toBe('');
    siteScope.run(['north,south' as typeof north, '*' as typeof north], () => expect(siteScope.setting()).toBe(''));
  });

  it('says every site only when asked to, and keeps concurrent scopes apart', async () => {
    const [a, b, all] = await Promise.all([
      siteScope.run([north], async () => { await new Promise((r) => setTimeout(r, 5)); return siteScope.setting(); }),
      siteScope.run([south], async () => { await new Promise((r) => setTimeout(r, 1)); return siteScope.setting(); }),
      siteScope.allSites(async () => siteScope.setting()),
    ]);
    expect([a, b, all]).toEqual(['north', 'south', '*']);
  });

  it("runs each consumer handler in its event's own site, and a malformed site in none", async () => {
    const handlers = inEventSiteScope({ Seen: async (_event: { metadata: { siteId: string } }) => siteScope.setting() });
    expect(await handlers.Seen({ metadata: { siteId: 'south' } })).toBe('south');
    expect(await handlers.Seen({ metadata: { siteId: 'north,south' } })).toBe('');
  });
});
