// Debian packages the tests need on a fresh machine (Chromium for the browser tests, kubectl for
// the deployment tests), installed on the spot as root or with password-less sudo. Two jest workers
// may want one at the same moment: apt waits for the other's lock instead of failing.
import { spawnSync } from 'node:child_process';

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    timeout: 540_000,
  });
  return {
    ok: result.status === 0,
    output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ?? ''}`,
  };
}

/**
 * Installs a Debian package when `probe` fails; throws a message saying what to do otherwise.
 * apt waits for a lock held by a parallel test worker instead of failing.
 */
export function ensureDebianPackage(
  pkg: string,
  what: string,
  probe: () => boolean,
  { recommends = false }: { recommends?: boolean } = {},
): void {
  if (probe()) return;
  const root = process.getuid?.() === 0;
  const sudo = !root && run('sudo', ['-n', 'true']).ok;
  if (!root && !sudo) {
    throw new Error(
      `${what} is missing and cannot be installed (not root, no password-less sudo): apt-get install ${pkg}`,
    );
  }
  const apt = (args: string[]) => (root ? run('apt-get', args) : run('sudo', ['-n', 'apt-get', ...args]));
  const wait = ['-o', 'DPkg::Lock::Timeout=480'];
  const installArgs = [...wait, 'install', '-y', ...(recommends ? [] : ['--no-install-recommends']), pkg];
  let install = apt(installArgs);
  if (probe()) return;
  const update = apt([...wait, 'update']);
  install = apt(installArgs);
  // Another jest worker may be installing the same package at this moment: give it time to finish.
  const busy = /lock/i.test(install.output);
  for (let waited = 0; busy && waited < 300_000; waited += 2_000) {
    if (probe()) return;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2_000);
  }
  if (probe()) return;
  throw new Error(
    `${what} is missing and installing Debian's ${pkg} failed.\n` +
      `apt-get update said:\n${update.output.slice(-1500)}\napt-get install said:\n${install.output.slice(-1500)}`,
  );
}
