import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { answerClientErrorsAsProblems } from './client-errors';

// A real Node HTTP server: the parser's refusals never reach a route, so only the socket shows them.
let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer((_, response) => response.end('ok'));
  answerClientErrorsAsProblems(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

const get = (path: string) =>
  new Promise<{ status: number; type: string | undefined; body: string }>((resolve, reject) => {
    const pending = request({ host: '127.0.0.1', port, path }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, type: response.headers['content-type'], body }));
    });
    pending.on('error', reject);
    pending.end();
  });

describe('requests Node refuses before the app', () => {
  it('answers a query string over 16 KB with 431 problem+json naming the limit', async () => {
    const answer = await get(`/sites/north/episodes?status=${'x'.repeat(20_000)}`);
    expect(answer.status).toBe(431);
    expect(answer.type).toBe('application/problem+json');
    expect(JSON.parse(answer.body)).toMatchObject({ status: 431, type: 'urn:alongside:problem:too-large', detail: expect.stringContaining('16 KB') });
  });

  it('answers a broken request line with 400 problem+json', async () => {
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(raw).toContain('Content-Type: application/problem+json');
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 400, title: 'Bad request' });
  });

  it('still serves a well-formed request', async () => {
    expect(await get('/health/live')).toMatchObject({ status: 200, body: 'ok' });
  });
});
