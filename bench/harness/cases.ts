import type { CaseDefinition } from './bench-case';
import { SCALE_SIZES, scaleCaseName } from './scale-sizes';

const store = (name: string, subjects: readonly string[]): CaseDefinition[] =>
  subjects.map((subject) => ({ suite: 'store', name, subject, module: 'store/store-case.ts', argv: [name, subject] }));

/**
 * Every case `npm run bench` runs, in order. Within a case the subjects run back to back, so that
 * the ratios of DESIGN §9 compare processes that ran minutes apart at most.
 */
export const CASES: readonly CaseDefinition[] = [
  ...store('append-1', ['ours', 'emmett', 'pg-insert', 'pg-guarded']),
  ...store('append-100', ['ours', 'emmett', 'pg-unnest', 'pg-copy']),
  ...store('append-1000', ['ours', 'emmett', 'pg-unnest', 'pg-copy']),
  ...store('writers-4', ['ours', 'emmett', 'pg-unnest']),
  ...store('read-stream', ['ours', 'emmett', 'pg-select']),
  ...store('read-all', ['ours', 'emmett', 'pg-select']),
  { suite: 'relay', name: 'relay', subject: 'ours', module: 'relay/relay-case.ts' },
  { suite: 'relay', name: 'relay', subject: 'kafkajs', module: 'relay/kafkajs-case.ts' },
  { suite: 'projections', name: 'rebuild', subject: 'ours', module: 'projections/rebuild-case.ts' },
  { suite: 'system', name: 'command-dashboard', subject: 'ours', module: 'system/command-dashboard-case.ts' },
  { suite: 'system', name: 'http-command', subject: 'ours', module: 'system/http-command-case.ts', argv: ['ours'] },
  { suite: 'system', name: 'http-command', subject: 'node-http', module: 'system/http-command-case.ts', argv: ['node-http'] },
  ...SCALE_SIZES.map((events): CaseDefinition => ({ suite: 'scale', name: scaleCaseName(events), subject: 'ours', module: 'scale/scale-case.ts', argv: [String(events)] })),
];

/** `store`, a case name (`append-100`) or a case id (`store/append-100/ours`); none means all. */
export const selectCases = (filters: readonly string[]): CaseDefinition[] =>
  filters.length === 0
    ? [...CASES]
    : CASES.filter((c) => filters.some((f) => f === c.suite || f === c.name || f === `${c.suite}/${c.name}/${c.subject}`));
