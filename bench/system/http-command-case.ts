import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import type { CaseRunner } from '../harness/bench-case';
import { measureRounds, roundsPlan } from '../harness/rounds';
import { bearerFor, sendJson } from './service-apps';
import { forkService } from './service-process';

const SITE = 'bench-http';

/**
 * One service instance's HTTP command throughput (issue 12): autocannon sending the same
 * registration to `POST /sites/:siteId/participants` (enrolment, ROLE=api: the routes without the
 * relay and consumers beside them) from 10 connections for a fixed time, against raw node http + pg
 * writing the same two rows per request. The server runs in a process of its own; autocannon here.
 */
export const run: CaseRunner = async (context) => {
  const subject = context.args[0];
  const server = await forkService('http-command-server.ts', [subject, context.databaseUrl], { profileName: `system.http-command.${subject}.server` });
  try {
    const authorization = await bearerFor([SITE], ['platform-admin', 'clinician']);
    if (subject === 'ours') {
      await sendJson('PUT', `${server.url}/sites/${SITE}/configuration`, authorization, {
        name: 'Bench HTTP',
        timeZone: 'UTC',
        programmes: ['outpatient'],
        milestonePolicy: { milestoneDays: [30, 60, 90], lapseRestartsCount: false },
        followUpSchedule: { daysAfterDischarge: [7, 30] },
        payerRulesRef: 'medicaid-peer-support@1',
      });
    }
    // Full: 10 s of load. Tiny: a fixed number of requests, so that a slow start still finishes some.
    const seconds = context.size<number | undefined>(10, undefined);
    const requests = context.size<number | undefined>(undefined, 40);
    const connections = 10;
    const outcome = await measureRounds(
      context,
      roundsPlan(context.scale),
      async () => undefined,
      async (_prepared, latency) => {
        const run = autocannon({
          url: `${server.url}/sites/${SITE}/participants`,
          method: 'POST',
          connections,
          ...(seconds ? { duration: seconds } : { amount: requests }),
          headers: { authorization, 'content-type': 'application/json' },
          body: JSON.stringify({ givenName: 'Ada', familyName: 'Bench', dateOfBirth: '1990-01-01', preferredLanguage: 'en' }),
        });
        // Every response's time, not autocannon's histogram: p95 and p99 by the harness's own rule.
        run.on('response', (_client: unknown, _status: number, _bytes: number, responseTimeMs: number) => latency.samplesMs.push(responseTimeMs));
        const result = await run;
        if (result.non2xx > 0 || result.errors > 0) throw new Error(`${result.non2xx} non-2xx answers and ${result.errors} errors of ${result.requests.total}`);
        return result.requests.total;
      },
    );
    return {
      unit: 'requests/s',
      ...outcome,
      work: `${seconds ? `${seconds} s` : `${requests} requests`} of POST /sites/:siteId/participants from ${connections} connections`,
      details: { connections, seconds, requests, server: subject === 'ours' ? 'enrolment, ROLE=api' : 'node:http + pg, 2 rows by unnest' },
    };
  } finally {
    // autocannon stops at its deadline with requests in flight: let them finish before the server closes.
    await sleep(500);
    await server.stop();
  }
};
