import type { RecordedEvent } from '@alongside/platform/event-sourcing';
import type { EventStore } from '@alongside/platform/event-store';
import { siteScope } from '@alongside/platform/security';
import type { AttendanceCorrected, AttendanceRecorded } from '@alongside/sessions/contracts';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import type { AttendanceBilling } from './attendance-billing';
import { UnitsCheckpoint } from './units-checkpoint';

export type BillableUnitsReactorOptions = Readonly<{
  /** The sessions service's own store: the reactor follows its log, not Kafka. */
  store: EventStore;
  /** On the service's schema: the checkpoint lives there. */
  dataSource: DataSource;
  schema: string;
  billing: AttendanceBilling;
  batchSize?: number;
  idleMs?: number;
  logger?: Pick<pino.Logger, 'error'>;
}>;

const pause = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
    if (signal.aborted) done();
  });

/**
 * Bills every attendance, and every correction of one, in the sessions log (DESIGN §5, billable units). Recording an attendance
 * and billing it are two appends to two streams, so a process can die between them; this reactor
 * follows the log from its checkpoint and bills what is recorded, so a crash loses no units, and
 * billing is keyed by the attendance's event id, so it never bills one twice.
 */
export class BillableUnitsReactor {
  private readonly stopping = new AbortController();
  private readonly checkpoint: UnitsCheckpoint;
  private readonly logger: Pick<pino.Logger, 'error'>;
  private running: Promise<void> | undefined;

  constructor(private readonly options: BillableUnitsReactorOptions) {
    this.checkpoint = new UnitsCheckpoint(options.dataSource, options.schema);
    this.logger = options.logger ?? pino({ name: 'billable-units', level: process.env.LOG_LEVEL ?? 'info' });
  }

  async start(): Promise<void> {
    if (this.running) return;
    await this.checkpoint.ensureTable();
    // It bills every site's attendance: behind the site wall it says so out loud, as all sites.
    this.running = siteScope.allSites(() => this.follow());
  }

  /** Lets the attendance being billed finish, then returns. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.running;
  }

  /** The global position billed up to. */
  position(): Promise<bigint> {
    return this.checkpoint.read();
  }

  private async follow(): Promise<void> {
    const signal = this.stopping.signal;
    let failures = 0;
    while (!signal.aborted) {
      try {
        await this.options.store.subscribe({
          after: await this.checkpoint.read(),
          batchSize: this.options.batchSize ?? 500,
          idleMs: this.options.idleMs ?? 100,
          signal,
          onEvents: async (events, position) => {
            for (const event of events) {
              if (event.type === 'AttendanceRecorded') await this.options.billing.bill(event as RecordedEvent<AttendanceRecorded>);
              if (event.type === 'AttendanceCorrected') await this.options.billing.billCorrection(event as RecordedEvent<AttendanceCorrected>);
            }
            await this.checkpoint.advance(position);
            failures = 0;
          },
        });
      } catch (error) {
        // The database away, or a billing day too contended: resume from the checkpoint, backing off.
        failures++;
        this.logger.error({ err: error, failures }, 'billing attendance failed; resuming from the checkpoint');
        await pause(Math.min(30_000, 250 * 2 ** Math.min(failures, 7)), signal);
      }
    }
  }
}
