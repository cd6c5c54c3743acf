// kubectl for the deployment tests: the one on PATH (or $KUBECTL), else Debian's kubernetes-client
// installed on the spot, as a fresh CI machine has none. Without it the tests fail, loudly: a
// deployment whose manifests were never rendered is not a tested deployment.
import { spawnSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';

export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  // Manifests are data of many shapes; the tests narrow them where they look.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [field: string]: any;
};

let resolved: string | undefined;

const works = (bin: string) => spawnSync(bin, ['version', '--client'], { encoding: 'utf8' }).status === 0;

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    timeout: 280_000,
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
export function ensureDebianPackage(pkg: string, what: string, probe: () => boolean): void {
  if (probe()) return;
  const root = process.getuid?.() === 0;
  const sudo = !root && run('sudo', ['-n', 'true']).ok;
  if (!root && !sudo) {
    throw new Error(
      `${what} is missing and cannot be installed (not root, no password-less sudo): apt-get install ${pkg}`,
    );
  }
  const apt = (args: string[]) => (root ? run('apt-get', args) : run('sudo', ['-n', 'apt-get', ...args]));
  const wait = ['-o', 'DPkg::Lock::Timeout=240'];
  let install = apt([...wait, 'install', '-y', '--no-install-recommends', pkg]);
  if (probe()) return;
  const update = apt([...wait, 'update']);
  install = apt([...wait, 'install', '-y', '--no-install-recommends', pkg]);
  // Another jest worker may be installing the same package at this moment: give it time to finish.
  const busy = /lock/i.test(install.output);
  for (let waited = 0; busy && waited < 120_000; waited += 2_000) {
    if (probe()) return;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2_000);
  }
  if (probe()) return;
  throw new Error(
    `${what} is missing and installing Debian's ${pkg} failed.\n` +
      `apt-get update said:\n${update.output.slice(-1500)}\napt-get install said:\n${install.output.slice(-1500)}`,
  );
}

/** The kubectl to use, installed from Debian when there is none. */
export function kubectl(): string {
  if (resolved) return resolved;
  const wanted = process.env.KUBECTL || 'kubectl';
  ensureDebianPackage('kubernetes-client', `kubectl (${wanted})`, () => works(wanted));
  resolved = wanted;
  return resolved;
}

/** `kubectl kustomize <dir>`, parsed. Throws with kustomize's own message when it cannot render. */
export function kustomize(dir: string): K8sObject[] {
  const result = spawnSync(kubectl(), ['kustomize', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0)
    throw new Error(`kubectl kustomize ${dir} failed:\n${result.stderr}${result.error ?? ''}`);
  const objects: K8sObject[] = [];
  for (const doc of parseAllDocuments(result.stdout)) {
    if (doc.errors.length > 0)
      throw new Error(`kubectl kustomize ${dir} printed bad YAML: ${doc.errors[0].message}`);
    const object = doc.toJS();
    if (object !== null && object !== undefined) objects.push(object);
  }
  return objects;
}
