import type { Server } from 'node:http';
import request from 'supertest';
import { createCompanionServer } from './companion-server';

let server: Server;

beforeAll(() => {
  // Nothing listens on port 9: a proxied call must fail as a problem, never hang or leak the error.
  server = createCompanionServer({ outcomesUrl: 'http://127.0.0.1:9' });
});

describe('Companion server', () => {
  it('serves the page, its compiled script, the manifest and the service worker', async () => {
    expect((await request(server).get('/').expect(200)).text).toMatch(/Today's check-in/);
    expect((await request(server).get('/app.js').expect(200)).headers['content-type']).toMatch(/javascript/);
    expect((await request(server).get('/manifest.webmanifest').expect(200)).headers['content-type']).toMatch(/manifest\+json/);
    await request(server).get('/sw.js').expect(200);
  });

  it('sends a strict content security policy: no CDN, no inline script', async () => {
    const csp = (await request(server).get('/')).headers['content-security-policy'];
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/unsafe-inline|https?:/);
  });

  it('never serves the TypeScript source or anything outside its folder', async () => {
    await request(server).get('/app.ts').expect(404);
    await request(server).get('/../src/main.ts').expect(404);
    await request(server).get('/%2e%2e/src/main.ts').expect(404);
  });

  it('answers health checks', () => request(server).get('/health/live').expect(200));

  it('answers 502 as a problem when a service is not reachable or not connected', async () => {
    expect((await request(server).get('/api/sites/north/participants/x/companion').expect(502)).headers['content-type']).toMatch(/problem\+json/);
    await request(server).get('/api/mentoring/sites/north/participants/x/companion-signals').expect(502);
  });
});
