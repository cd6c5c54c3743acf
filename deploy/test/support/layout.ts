// Where the deployment lives and what it deploys.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const DEPLOY_DIR = resolve(__dirname, '..', '..');
export const ROOT_DIR = resolve(DEPLOY_DIR, '..');
export const K8S_DIR = join(DEPLOY_DIR, 'k8s');

export const SERVICES = { enrolment: 3101, sessions: 3102, mentoring: 3103, outcomes: 3104 } as const;
export const WEB_APPS = { dashboard: 3100, companion: 3105 } as const;
export const APPS = { ...SERVICES, ...WEB_APPS } as const;
export const ROLES = ['api', 'relay', 'projections'] as const;

export type Service = keyof typeof SERVICES;

/** Every site overlay in the tree (the template is not a site). */
export const sitesIn = (k8sDir = K8S_DIR) =>
  readdirSync(join(k8sDir, 'overlays'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
    .map((entry) => entry.name)
    .sort();
