// Recording an attendance and billing it are two appends: SIGKILL between them, against the real Postgres.
import { eventIdFor, type RecordedEvent } from '@alongside/platform/event-sourcing';
import { createTestDatabase, waitFor, type TestDatabase } from '@alongside/platform/testing';
import type { AttendanceRecorded, UnitsComputed, UnitsCorrected } from '@alongside/sessions/contracts';
import { billingDayStream, PAYER_RULE_SETS, unitsForMinutes } from '@alongside/sessions/domain';
import { BillableUnitsReactor } from './billable-units.reactor';
import { startChild, type Child } from './fixtures/child';
import { connectSessionsStorage, correctAttendance, sessionIdOf, ENTRIES, seedHeldSessions, SESSIONS, SITE, type SessionsStorage } from './fixtures/attendance-log';

const RECORDER = 'libs/sessions/application/src/billing/fixtures/record-attendance.process.ts';
const REACTOR = 'libs/sessions/application/src/billing/fixtures/billable-units.process.ts';
const H0038 = PAYER_RULE_SETS['standard@1'].rules['peer-support']!;
const BILLABLE = ENTRIES.filter((e) => unitsForMinutes(e.minutesAttended, H0038) > 0);

describe('Billable units after a crash', () => {
  let database: TestDatabase;
  let storage: SessionsStorage;
  const children: Child[] = [];

  const start = (script: string) => {
    const child = startChild(script, { DATABASE_URL: database.url });
    children.push(child);
    return child;
  };
  // Committed rows, whatever the log's readers can see yet.
  const countOf = async (type: string) => Number((await storage.dataSource.query(`select count(*)::int as n from sessions.events where type = $1`, [type]))[0].n);
  const head = async () => BigInt((await storage.dataSource.query(`select coalesce(max(global_position), 0)::text as head from sessions.events`))[0].head);
  const checkpoint = async () => BigInt((await storage.dataSource.query(`select coalesce(max(position), 0)::text as p from sessions.reactor_checkpoints`).catch(() => [{ p: '0' }]))[0].p);
  const eventsOf = async <E>(type: string) => (await storage.store.readAll({ limit: 100_000 })).events.filter((e) => e.type === type) as unknown as RecordedEvent<E & { type: string; data: never }>[];
  const runReactorToHead = async () => {
    const reactor = new BillableUnitsReactor({ ...storage, schema: 'sessions', idleMs: 20 });
    await reactor.start();
    await waitFor(async () => (await reactor.position()) >= (await head()), { what: 'the reactor to reach the head of the log', timeoutMs: 120_000 });
    await reactor.stop();
  };

  beforeAll(async () => {
    database = await createTestDatabase('billing_crash');
    storage = await connectSessionsStorage(database.url);
    await seedHeldSessions(storage.log);
  });

  afterAll(async () => {
    for (const child of children) child.process.kill('SIGKILL');
    await Promise.all(children.map((child) => child.exited));
    await storage?.close();
    await database?.drop();
  });

  it('bills each attendance exactly once though the recorder died before billing and the reactor died mid-batch', async () => {
    const recorder = start(RECORDER);
    await recorder.says('recorded');
    recorder.process.kill('SIGKILL');
    expect(await recorder.exited).toBe('SIGKILL');
    expect(await countOf('AttendanceRecorded')).toBe(SESSIONS * ENTRIES.length);
    expect(await countOf('UnitsComputed')).toBe(0);

    const firstReactor = start(REACTOR);
    await waitFor(async () => (await countOf('UnitsComputed')) > 0, { what: 'the first units', timeoutMs: 120_000, intervalMs: 5 });
    firstReactor.process.kill('SIGKILL');
    expect(await firstReactor.exited).toBe('SIGKILL');
    // Killed with part of its batch billed and the checkpoint not yet past it: the restart re-bills those.
    expect(await countOf('UnitsComputed')).toBeLessThan(SESSIONS * BILLABLE.length);
    expect(await checkpoint()).toBeLessThan(await head());

    await runReactorToHead();

    const attendances = await eventsOf<AttendanceRecorded>('AttendanceRecorded');
    const units = await eventsOf<UnitsComputed>('UnitsComputed');
    expect(units).toHaveLength(SESSIONS * BILLABLE.length);
    for (const attendance of attendances) {
      const { participantId, sessionId, localDate, minutesAttended } = attendance.data as AttendanceRecorded['data'];
      const billed = units.filter((u) => (u.data as UnitsComputed['data']).participantId === participantId && (u.data as UnitsComputed['data']).sessionId === sessionId);
      const expected = unitsForMinutes(minutesAttended, H0038);
      expect(billed).toHaveLength(expected > 0 ? 1 : 0);
      if (expected === 0) continue;
      // The id derives from the attendance's: whoever bills it, whenever, writes this one event.
      const stream = billingDayStream(SITE, participantId, localDate, 'H0038');
      expect(billed[0]).toMatchObject({ id: eventIdFor(`${attendance.id}/units`, stream, 0), streamId: stream, data: { units: expected, minutes: minutesAttended, payerRulesRef: 'standard@1' } });
      expect(billed[0].metadata).toMatchObject({ causationId: attendance.id, occurredAt: attendance.metadata.occurredAt, siteId: SITE });
    }
    // Two child processes start on a machine that may be busy: generous, never a claim about speed.
  }, 300_000);

  it('bills nothing twice when the request that recorded the attendance bills it after the reactor, or the reactor replays the log', async () => {
    const before = await countOf('UnitsComputed');
    expect(before).toBe(SESSIONS * BILLABLE.length);
    const attendances = await eventsOf<AttendanceRecorded>('AttendanceRecorded');
    for (const attendance of attendances.slice(0, ENTRIES.length)) {
      const data = attendance.data as AttendanceRecorded['data'];
      expect(await storage.billing.bill({ id: attendance.id, data, metadata: attendance.metadata })).toBe(unitsForMinutes(data.minutesAttended, H0038));
    }
    await storage.dataSource.query(`update sessions.reactor_checkpoints set position = 0`);
    await runReactorToHead();
    expect(await countOf('UnitsComputed')).toBe(before);
  });

  it('bills corrections left unbilled once each, the newest standing, however often the log is replayed', async () => {
    const someone = ENTRIES[0].participantId;
    await correctAttendance(storage.log, 1, { participantId: someone, status: 'left-early', minutesAttended: 30 }, 1);
    await correctAttendance(storage.log, 1, { participantId: someone, status: 'left-early', minutesAttended: 60 }, 2);
    await runReactorToHead();
    await storage.dataSource.query(`update sessions.reactor_checkpoints set position = 0`);
    await runReactorToHead();

    const corrections = (await eventsOf<UnitsCorrected>('UnitsCorrected')).map((e) => e.data as UnitsCorrected['data']);
    expect(corrections).toMatchObject([
      { participantId: someone, sessionId: sessionIdOf(1), revision: 1, previousUnits: 6, minutes: 30, units: 2 },
      { participantId: someone, sessionId: sessionIdOf(1), revision: 2, previousUnits: 2, minutes: 60, units: 4 },
    ]);
  });
});
