import { Writable } from 'node:stream';
import pino from 'pino';
import { logRedactPaths } from './log-redaction';

const logged = (write: (logger: pino.Logger) => void): string => {
  let output = '';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      output += String(chunk);
      done();
    },
  });
  const logger = pino({ redact: { paths: [...logRedactPaths], censor: '[redacted]' } }, sink);
  write(logger);
  logger.flush();
  return output;
};

describe('Log redaction', () => {
  it('removes tokens and cookies from logged requests and responses', () => {
    const line = logged((logger) =>
      logger.info({
        req: { method: 'GET', url: '/sites/north', headers: { authorization: 'Bearer eyJhbGciOi.secret.sig', cookie: 'session=abc' } },
        res: { statusCode: 200, headers: { 'set-cookie': 'session=def' } },
      }),
    );
    expect(line).not.toMatch(/eyJhbGciOi|session=/);
    expect(line).toContain('/sites/north');
  });

  it('removes PII fields wherever they sit', () => {
    const line = logged((logger) =>
      logger.info({
        name: 'Maria Lopez',
        body: { dateOfBirth: '1984-06-02', contact: { phone: '+1 555 0100', email: 'maria@example.org' } },
        event: { data: { notes: 'talked about her brother' } },
        participantId: '6f1c0b7e',
      }),
    );
    expect(line).not.toMatch(/Maria|1984|555|example\.org|brother/);
    expect(line).toContain('6f1c0b7e');
  });
});
