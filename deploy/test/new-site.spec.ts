// deploy/new-site makes a site overlay from the template that renders and holds every site rule,
// with its databases and roles on the platform side, and refuses what it must not make.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSite, InvalidSite } from '../new-site';
import { hostsOf } from './support/ingress';
import { kubectl, kustomize } from './support/kubectl';
import { DEPLOY_DIR, K8S_DIR, SERVICES } from './support/layout';
import { ofKind, siteProblems } from './support/site-checks';

const snapshot = (dir: string): Record<string, string> => {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[path.slice(dir.length)] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return files;
};

describe('new-site', () => {
  let work: string;
  let k8s: string;

  beforeAll(() => {
    kubectl();
  }, 300_000);

  beforeEach(() => {
    // A copy of deploy/k8s, so the test never touches the committed sites.
    work = mkdtempSync(join(tmpdir(), 'alongside-new-site-'));
    k8s = join(work, 'k8s');
    cpSync(K8S_DIR, k8s, { recursive: true });
  });

  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('makes, from the command line, a site that renders and holds every rule the example sites hold', () => {
    const run = spawnSync(
      join(DEPLOY_DIR, 'new-site.sh'),
      ['east-valley', '--domain', 'clinics.example', '--k8s-dir', k8s],
      { encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('alongside-east-valley');

    const objects = kustomize(join(k8s, 'overlays', 'east-valley'));
    expect(siteProblems(objects, 'east-valley')).toEqual([]);
    expect(hostsOf(objects).sort()).toEqual([
      'companion.east-valley.clinics.example',
      'east-valley.clinics.example',
    ]);
  }, 120_000);

  it("adds the site's databases and login roles to the platform, keeping the other sites'", () => {
    createSite({ site: 'east-valley', k8sDir: k8s });
    createSite({ site: 'west', k8sDir: k8s });
    const platform = kustomize(join(k8s, 'platform'));
    const databases = ofKind(platform, 'Database').map((d) => d.spec.name);
    const roles = ofKind(platform, 'Cluster')[0].spec.managed.roles.map((r: { name: string }) => r.name);
    for (const prefix of ['north', 'south', 'east_valley', 'west']) {
      for (const service of Object.keys(SERVICES)) {
        expect(databases).toContain(`${prefix}_${service}`);
        expect(roles).toContain(`${prefix}_${service}`);
      }
    }
    expect(new Set(roles).size).toBe(roles.length);
    expect(kustomize(join(k8s, 'overlays', 'west')).length).toBeGreaterThan(0);
  });

  it('refuses a site that exists, changing nothing', () => {
    const before = snapshot(k8s);
    expect(() => createSite({ site: 'north', k8sDir: k8s })).toThrow(InvalidSite);
    const run = spawnSync(join(DEPLOY_DIR, 'new-site.sh'), ['south', '--k8s-dir', k8s], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('exists already');
    expect(snapshot(k8s)).toEqual(before);
  });

  it.each(['North', '1st', 'a_b', '_template', 'x', `s${'a'.repeat(30)}`, 'east-', 'east..west', ''])(
    'refuses the site id %p, changing nothing',
    (site) => {
      const before = snapshot(k8s);
      expect(() => createSite({ site, k8sDir: k8s })).toThrow(InvalidSite);
      expect(snapshot(k8s)).toEqual(before);
    },
  );

  it('refuses a malformed domain', () => {
    expect(() => createSite({ site: 'east', domain: 'not a domain', k8sDir: k8s })).toThrow(InvalidSite);
    expect(existsSync(join(k8s, 'overlays', 'east'))).toBe(false);
  });
});
