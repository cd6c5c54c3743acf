import { mintDevToken, type Role } from '@alongside/platform/security';
import type { NetworkMember } from './network';

export const DEMO_SITES = ['north', 'south', 'east'];

const ROLES: Role[] = ['clinician', 'site-manager', 'peer-mentor', 'facilitator', 'analyst', 'platform-admin'];

/** What a person needs once everything is up: where to look and how to sign in. */
export const printWelcome = async (members: NetworkMember[], seconds: number, companionParticipant: { site: string; participantId: string } | null): Promise<void> => {
  const outcomes = members.find((m) => m.name === 'outcomes')!;
  const companion = members.find((m) => m.name === 'companion')!;
  const lines = [
    '',
    `Alongside is ready (${seconds} s). Ctrl-C stops everything.`,
    '',
    `  dashboard  http://127.0.0.1:${outcomes.port}/dashboard  (paste the site-manager token)`,
    `  companion  http://127.0.0.1:${companion.port}/  (the participant's app; link with a token below)`,
    ...members.filter((m) => m.name !== 'companion').map((m) => `  ${m.name.padEnd(10)} http://127.0.0.1:${m.port}/docs`),
    '',
    `Development tokens (sites ${DEMO_SITES.join(', ')}; valid 8 h; paste into the dashboard or use as Bearer):`,
  ];
  for (const role of ROLES) {
    const token = await mintDevToken({ sub: `demo-${role}`, roles: [role], sites: DEMO_SITES }, { ttl: '8h' });
    lines.push(`  ${role.padEnd(15)} ${token}`);
  }
  if (companionParticipant) {
    const { site, participantId } = companionParticipant;
    // A participant's token names exactly one person and one site.
    const token = await mintDevToken({ sub: `participant-${participantId}`, roles: ['participant'], sites: [site], participantId }, { ttl: '8h' });
    lines.push('', `Companion, as participant ${participantId} at ${site}:`, `  http://127.0.0.1:${companion.port}/#token=${token}`);
  }
  console.log(lines.join('\n') + '\n');
};
