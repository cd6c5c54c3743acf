// `npm run token -- --role clinician --site north [--site south] [--sub x] [--participant id] [--mentor id] [--ttl 8h]`
// Prints a development token signed with JWT_SECRET (default: the documented development secret,
// DEV_JWT_SECRET in libs/platform/security). Production verifies tokens against JWT_JWKS_URL
// instead, so these tokens are refused there.
import { parseArgs } from 'node:util';
import { isRole, mintDevToken, type Role } from '@alongside/platform/security';

const usage = `Usage: npm run token -- --role <role> --site <site> [--site <site>...] [--sub <sub>]
                       [--participant <id>] [--mentor <id>] [--ttl 8h]
Roles: peer-mentor, facilitator, clinician, site-manager, analyst, platform-admin, participant`;

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      site: { type: 'string', multiple: true },
      sub: { type: 'string' },
      participant: { type: 'string' },
      mentor: { type: 'string' },
      ttl: { type: 'string', default: '8h' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const roles = values.role ?? [];
  const unknown = roles.filter((role) => !isRole(role));
  if (roles.length === 0 || unknown.length > 0) throw new Error(unknown.length ? `Unknown role: ${unknown.join(', ')}` : 'Give at least one --role');
  if (!values.site?.length) throw new Error('Give at least one --site');
  const token = await mintDevToken(
    {
      roles: roles as Role[],
      sites: values.site,
      ...(values.sub !== undefined && { sub: values.sub }),
      ...(values.participant !== undefined && { participantId: values.participant }),
      ...(values.mentor !== undefined && { mentorId: values.mentor }),
    },
    { ttl: values.ttl },
  );
  process.stdout.write(`${token}\n`);
};

main().catch((error: unknown) => {
  console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
  process.exit(1);
});
