import { mintDevToken, type Role } from '@alongside/platform/security';
import type { NetworkMember } from './network';

export const DEMO_SITES = ['north', 'south', 'east'];

const ROLES: Role[] = ['clinician', 'site-manager', 'peer-mentor', 'facilitator', 'analyst', 'platform-admin'];

/** What a person needs once everything is up: where to look and how to sign in. */
export const printWelcome = async (members: NetworkMember[], seconds: number): Promise<void> => {
  const lines = [
    '',
    `Alongside is ready (${seconds} s). Ctrl-C stops everything.`,
    '',
    ...members.map((m) => `  ${m.name.padEnd(10)} http://127.0.0.1:${m.port}/docs`),
    '',
    `Development tokens (sites ${DEMO_SITES.join(', ')}; valid 8 h; paste into the dashboard or use as Bearer):`,
  ];
  for (const role of ROLES) {
    const token = await mintDevToken({ sub: `demo-${role}`, roles: [role], sites: DEMO_SITES }, { ttl: '8h' });
    lines.push(`  ${role.padEnd(15)} ${token}`);
  }
  console.log(lines.join('\n') + '\n');
};
