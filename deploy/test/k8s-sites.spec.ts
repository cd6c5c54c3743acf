// What each site's render must hold: its namespace and SITE_ID everywhere, hardened Deployments
// with probes and limits, the lease-shaped topology, a quota, tight NetworkPolicies and an Ingress
// that exposes the APIs and apps but not /metrics or /health.
import { join } from 'node:path';
import { kustomize, type K8sObject } from './support/kubectl';
import { hostsOf, route } from './support/ingress';
import { K8S_DIR, SERVICES, sitesIn } from './support/layout';
import {
  deploymentProblems,
  deploymentsOf,
  environmentProblems,
  namespaceProblems,
  networkPolicyProblems,
  quotaProblems,
  topologyProblems,
} from './support/site-checks';

describe.each(sitesIn())('site %s', (site) => {
  let objects: K8sObject[];
  beforeAll(() => {
    objects = kustomize(join(K8S_DIR, 'overlays', site));
  }, 300_000);

  it('puts everything in namespace alongside-<site>, labelled for the platform and Pod Security "restricted"', () => {
    expect(namespaceProblems(objects, site)).toEqual([]);
  });

  it('runs every Deployment non-root, read-only, without capabilities, with probes on the health routes and limits', () => {
    expect(deploymentsOf(objects).length).toBe(14);
    expect(deploymentProblems(objects)).toEqual([]);
  });

  it("gives every process its environment, SITE_ID the site's, secrets only from Secrets", () => {
    expect(environmentProblems(objects, site)).toEqual([]);
  });

  it('runs api, relay and projections per service: APIs autoscaled, relay and projections as single replicas', () => {
    expect(topologyProblems(objects)).toEqual([]);
  });

  it('caps the site with a quota that still fits every autoscaler at its maximum during a rollout', () => {
    expect(quotaProblems(objects)).toEqual([]);
  });

  it('denies by default and lets pods reach only the site, the platform namespace, DNS and the JWKS', () => {
    expect(networkPolicyProblems(objects)).toEqual([]);
  });

  describe('Ingress', () => {
    const dashboardHost = () => hostsOf(objects).find((h) => h.startsWith(`${site}.`)) as string;
    const companionHost = () => `companion.${dashboardHost()}`;

    it('serves the dashboard and the companion app on their own hosts, over TLS', () => {
      expect(hostsOf(objects).sort()).toEqual([companionHost(), dashboardHost()].sort());
      expect(route(objects, dashboardHost(), '/')?.service).toBe('dashboard');
      expect(route(objects, dashboardHost(), '/sites/x/retention')?.service).toBe('dashboard');
      expect(route(objects, companionHost(), '/')?.service).toBe('companion');
      expect(route(objects, companionHost(), '/manifest.webmanifest')?.service).toBe('companion');
      const ingresses = objects.filter((o) => o.kind === 'Ingress');
      for (const ingress of ingresses) {
        const covered = (ingress.spec.tls ?? []).flatMap((t: { hosts: string[]; secretName?: string }) =>
          t.secretName ? t.hosts : [],
        );
        for (const rule of ingress.spec.rules)
          expect([ingress.metadata.name, covered]).toEqual([
            ingress.metadata.name,
            expect.arrayContaining([rule.host]),
          ]);
      }
      // One cert-manager request per certificate Secret, or two Certificates fight over it.
      const requesting = ingresses.filter((i) => i.metadata.annotations?.['cert-manager.io/cluster-issuer']);
      const secrets = new Set(
        ingresses.flatMap((i) => (i.spec.tls ?? []).map((t: { secretName: string }) => t.secretName)),
      );
      expect(requesting.length).toBe(secrets.size);
    });

    it.each(Object.keys(SERVICES))(
      'routes /api/%s/ to that service on both hosts, prefix stripped',
      (service) => {
        for (const host of [dashboardHost(), companionHost()]) {
          expect(route(objects, host, `/api/${service}/sites/${site}/participants?cursor=abc`)).toMatchObject(
            { service, port: 'http', path: `/sites/${site}/participants?cursor=abc` },
          );
          expect(route(objects, host, `/api/${service}/openapi.json`)).toMatchObject({
            service,
            path: '/openapi.json',
          });
          expect(route(objects, host, `/api/${service}/docs`)).toMatchObject({ service, path: '/docs' });
        }
      },
    );

    it('never lets /metrics or /health of any service or app out', () => {
      for (const host of [dashboardHost(), companionHost()]) {
        for (const path of ['/metrics', '/health/live', '/health/ready', '/METRICS'])
          expect([path, route(objects, host, path)]).toEqual([path, undefined]);
        for (const service of Object.keys(SERVICES)) {
          for (const inner of ['metrics', 'health/ready', 'health/live']) {
            const reached = route(objects, host, `/api/${service}/${inner}`);
            // At most the web app's own 404 for an unknown path; never the service's route.
            expect([inner, reached?.service]).not.toEqual([inner, service]);
            if (reached) expect(reached.path).toBe(`/api/${service}/${inner}`);
          }
        }
      }
    });

    it('sends traffic only to Services of the site, on ports they have', () => {
      for (const ingress of objects.filter((o) => o.kind === 'Ingress')) {
        for (const rule of ingress.spec.rules) {
          for (const path of rule.http.paths) {
            const service = objects.find(
              (o) => o.kind === 'Service' && o.metadata.name === path.backend.service.name,
            );
            expect([path.path, service?.metadata.name]).toEqual([path.path, path.backend.service.name]);
            expect(service?.spec.ports.map((p: { name: string }) => p.name)).toContain(
              path.backend.service.port.name,
            );
          }
        }
      }
    });
  });
});
