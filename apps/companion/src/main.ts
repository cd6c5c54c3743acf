import { createCompanionServer } from './companion-server';

const port = Number(process.env['PORT'] ?? 3105);
const outcomesUrl = process.env['OUTCOMES_URL'] ?? 'http://127.0.0.1:3104';
createCompanionServer({ outcomesUrl }).listen(port, () => {
  process.stdout.write(`${JSON.stringify({ level: 'info', msg: 'companion listening', port, outcomesUrl })}\n`);
});
