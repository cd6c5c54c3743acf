import { readFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

export type CompanionServerOptions = Readonly<{
  outcomesUrl: string;
  /** Where `/api/mentoring/*` goes (what the mentor is told); omitted, those answers are 502. */
  mentoringUrl?: string;
  /** Where `/api/sessions/*` goes (upcoming sessions of the participant's groups). */
  sessionsUrl?: string;
  publicDir?: string;
}>;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
};

/** The page's script is TypeScript; it is compiled once at start, with no bundler and no CDN. */
const compiledScript = (publicDir: string): string =>
  (require('typescript') as typeof import('typescript')).transpileModule(readFileSync(join(publicDir, 'app.ts'), 'utf8'), { compilerOptions: { target: 7 /* ES2020 */, module: 0 /* None */ } }).outputText;

/**
 * Serves the companion app and passes `/api/*` to the outcomes service with the participant's own
 * token, so the phone talks to one origin (no CORS) and the server holds no data of its own.
 */
export const createCompanionServer = ({ outcomesUrl, mentoringUrl, sessionsUrl, publicDir = process.env['COMPANION_PUBLIC_DIR'] ?? join(__dirname, '..', 'public') }: CompanionServerOptions): Server => {
  const script = compiledScript(publicDir);
  const services: Record<string, URL | undefined> = {
    mentoring: mentoringUrl ? new URL(mentoringUrl) : undefined,
    sessions: sessionsUrl ? new URL(sessionsUrl) : undefined,
  };
  /** `/api/mentoring/sites/…` → mentoring `/sites/…`; any other `/api/…` → outcomes. */
  const route = (pathname: string): { upstream: URL | undefined; path: string } => {
    const [, , service] = pathname.split('/');
    if (service === 'mentoring' || service === 'sessions') return { upstream: services[service], path: pathname.slice(`/api/${service}`.length) };
    return { upstream: new URL(outcomesUrl), path: pathname.slice(4) };
  };
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://companion');
    const security = {
      'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'",
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    };
    if (url.pathname === '/health/live' || url.pathname === '/health/ready') {
      // The server keeps no state; whether the services behind it are up is their own health's to say.
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ status: 'ok' }));
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      const { upstream, path } = route(url.pathname);
      if (!upstream) {
        res.writeHead(502, { 'Content-Type': 'application/problem+json' });
        res.end(JSON.stringify({ status: 502, title: 'This part of the app is not connected here' }));
        return;
      }
      const proxied = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: path + url.search,
          headers: { ...req.headers, host: upstream.host },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      proxied.on('error', () => {
        res.writeHead(502, { 'Content-Type': 'application/problem+json' });
        res.end(JSON.stringify({ status: 502, title: 'The service is not reachable just now' }));
      });
      req.pipe(proxied);
      return;
    }
    const path = url.pathname === '/' ? '/index.html' : url.pathname;
    if (path === '/app.js') {
      res.writeHead(200, { ...security, 'Content-Type': TYPES['.js'], 'Cache-Control': 'no-cache' });
      res.end(script);
      return;
    }
    const file = normalize(join(publicDir, path));
    if (!file.startsWith(publicDir) || path.endsWith('.ts')) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = readFileSync(file);
      res.writeHead(200, { ...security, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    }
  });
};
