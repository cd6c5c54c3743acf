import type { Suite } from './bench-case';
import { SCALE_SIZES, scaleCaseName } from './scale-sizes';

/** One line of DESIGN §9's table, as checks on the rows of one case (all from the same run). */
export type Check =
  /** ours ÷ the reference subject's throughput must be at least `atLeast`. */
  | Readonly<{ kind: 'ratio'; reference: string; role: 'peer' | 'limit'; atLeast: number }>
  | Readonly<{ kind: 'p99'; atMostMs: number }>
  | Readonly<{ kind: 'p95'; atMostMs: number }>
  | Readonly<{ kind: 'throughput'; atLeast: number }>;

export type Target = Readonly<{ suite: Suite; case: string; title: string; checks: readonly Check[]; note?: string }>;

const peer = (atLeast: number): Check => ({ kind: 'ratio', reference: 'emmett', role: 'peer', atLeast });
const limit = (reference: string, atLeast: number): Check => ({ kind: 'ratio', reference, role: 'limit', atLeast });

/** DESIGN §9, case by case. Always `ours` against its references. */
export const TARGETS: readonly Target[] = [
  { suite: 'store', case: 'append-1', title: '1-event append, sequential', checks: [peer(1.5), limit('pg-insert', 0.9), { kind: 'p99', atMostMs: 2.5 }] },
  { suite: 'store', case: 'append-100', title: '100-event appends', checks: [peer(1.5), limit('pg-unnest', 0.9)] },
  { suite: 'store', case: 'append-1000', title: '1,000-event appends', checks: [peer(2.5), limit('pg-unnest', 1.0)], note: 'COPY shows the way' },
  { suite: 'store', case: 'writers-4', title: '4 concurrent writers, 100-event appends', checks: [peer(1.5), limit('pg-unnest', 0.9)] },
  { suite: 'store', case: 'read-stream', title: 'read a 1,000-event stream', checks: [peer(1.2), limit('pg-select', 0.9)] },
  { suite: 'store', case: 'read-all', title: 'read the global log', checks: [peer(1.2), limit('pg-select', 0.9)] },
  { suite: 'relay', case: 'relay', title: 'relay, log → real Kafka broker', checks: [{ kind: 'throughput', atLeast: 20_000 }, limit('kafkajs', 0.7)] },
  { suite: 'projections', case: 'rebuild', title: 'projection rebuild', checks: [{ kind: 'throughput', atLeast: 50_000 }] },
  { suite: 'system', case: 'command-dashboard', title: 'command → dashboard, through Kafka and projections', checks: [{ kind: 'p99', atMostMs: 500 }] },
  // §9 names no figure for one instance's HTTP throughput: it is shown beside raw node http doing the same INSERT.
  ...SCALE_SIZES.map((events): Target => ({
    suite: 'scale',
    case: scaleCaseName(events),
    title: `dashboard and analyst queries, 100 sites / ${scaleCaseName(events).replace('scale-', '')} events`,
    checks: [{ kind: 'p95', atMostMs: 50 }],
  })),
];

/** §9 lines this harness does not measure yet. */
export const NOT_MEASURED: readonly string[] = [];
