// Who is using the servers right now. A jest run or `npm start` that started the servers must not
// stop them under another run that reused them meanwhile, nor after a CLI `start` asked to keep them.
// Each user holds a lease file in .data/leases named by its pid; CLI `start` leaves one named
// `kept`, which only CLI `stop` removes. A starter that leaves while others still use its servers
// hands them over: the last user to leave stops them, so no server outlives all its users.
import fs from 'node:fs';
import path from 'node:path';
import { dataDir } from './paths';
import { isAlive } from './terminate';

const leasesDir = path.join(dataDir, 'leases');
const ownLease = () => path.join(leasesDir, String(process.pid));
const keptLease = path.join(leasesDir, 'kept');
const handedOver = path.join(leasesDir, 'handed-over');

const write = (file: string): void => {
  fs.mkdirSync(leasesDir, { recursive: true });
  fs.writeFileSync(file, `${process.argv.slice(1).join(' ')}\n`);
};

export const takeLease = (): void => write(ownLease());

export const releaseLease = (): void => fs.rmSync(ownLease(), { force: true });

/** Until `releaseKeptLease`, nobody's `stop()` stops the servers. */
export const keepRunning = (): void => {
  write(keptLease);
  releaseLease();
};

export const releaseKeptLease = (): void => fs.rmSync(keptLease, { force: true });

/** Other live users ('pid 123', 'CLI start'); leases of dead processes are cleared on the way. */
export const otherUsers = (): string[] => {
  let names: string[];
  try {
    names = fs.readdirSync(leasesDir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    if (name === 'kept') return ['CLI start'];
    if (name === 'handed-over') return [];
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === process.pid) return [];
    if (isAlive(pid)) return [`pid ${pid}`];
    fs.rmSync(path.join(leasesDir, name), { force: true });
    return [];
  });
};

/** Servers (by name) that their starter left running for the remaining users to stop. */
export const handOver = (servers: string[]): void => {
  fs.mkdirSync(leasesDir, { recursive: true });
  fs.appendFileSync(handedOver, servers.map((server) => `${server}\n`).join(''));
};

/** The handed-over servers, now the caller's to stop. */
export const takeHandedOver = (): string[] => {
  let names: string[];
  try {
    names = fs.readFileSync(handedOver, 'utf8').split('\n').filter(Boolean);
  } catch {
    return [];
  }
  fs.rmSync(handedOver, { force: true });
  return [...new Set(names)];
};
