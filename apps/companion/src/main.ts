import { DEFAULT_PORTS } from '@alongside/platform/service-runtime';
import { createCompanionServer } from './companion-server';

const port = Number(process.env['PORT'] ?? 3105);
const outcomesUrl = process.env['OUTCOMES_URL'] ?? `http://127.0.0.1:${DEFAULT_PORTS.outcomes}`;
const mentoringUrl = process.env['MENTORING_URL'] ?? `http://127.0.0.1:${DEFAULT_PORTS.mentoring}`;
const sessionsUrl = process.env['SESSIONS_URL'] ?? `http://127.0.0.1:${DEFAULT_PORTS.sessions}`;
const host = process.env['HOST'] ?? '127.0.0.1';
const server = createCompanionServer({ outcomesUrl, mentoringUrl, sessionsUrl }).listen(port, host, () => {
  process.stdout.write(`${JSON.stringify({ level: 'info', msg: 'companion listening', port, outcomesUrl })}\n`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => server.close(() => process.exit(0)));
