import { join } from 'node:path';
import type { Scale } from './bench-case';

export type BenchArguments = Readonly<{
  filters: string[];
  scale: Scale;
  outDir: string;
  cpuProfileDir?: string;
  /** Build the scale cases' cached networks again instead of reusing them. */
  fresh: boolean;
  /** Cases run at once: 1 for figures (they would share the CPU); more only for a tiny smoke run. */
  jobs: number;
}>;

const BENCH = join(__dirname, '..');

/**
 * `npm run bench -- [store|relay|projections|<case>|<suite/case/subject>...] [--tiny] [--fresh] [--jobs n] [--out dir] [--cpu-prof]`.
 * A tiny run writes beside the work files, never over the committed results.
 */
export const parseArguments = (argv: readonly string[]): BenchArguments => {
  const filters: string[] = [];
  let scale: Scale = 'full';
  let outDir: string | undefined;
  let cpuProfileDir: string | undefined;
  let jobs = 1;
  let fresh = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--tiny') scale = 'tiny';
    else if (arg === '--out') outDir = argv[++i];
    else if (arg === '--jobs') jobs = Math.max(1, Number(argv[++i]) || 1);
    else if (arg === '--fresh') fresh = true;
    else if (arg === '--cpu-prof') cpuProfileDir = join(BENCH, '.work', 'profiles');
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else filters.push(arg);
  }
  return { filters, scale, fresh, outDir: outDir ?? join(BENCH, scale === 'full' ? 'results' : join('.work', 'tiny-results')), cpuProfileDir, jobs };
};
