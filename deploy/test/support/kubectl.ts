// kubectl for the deployment tests: the one on PATH (or $KUBECTL), else Debian's kubernetes-client
// installed on the spot, as a fresh CI machine has none. Without it the tests fail, loudly: a
// deployment whose manifests were never rendered is not a tested deployment.
import { spawnSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';
import { ensureDebianPackage } from '@alongside/platform/testing';

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
