// Every kustomization renders with kubectl, and every object it renders passes its schema.
import { join } from 'node:path';
import { kubectl, kustomize } from './support/kubectl';
import { K8S_DIR, sitesIn } from './support/layout';
import { schemaProblems } from './support/site-checks';

const sites = sitesIn();
const kustomizations = ['base', ...sites.map((site) => `overlays/${site}`), 'platform'];

describe('Kubernetes manifests', () => {
  beforeAll(() => {
    kubectl(); // installs Debian's kubernetes-client when kubectl is missing, or fails saying why
  }, 300_000);

  it('have the two example sites, north and south, beside the template', () => {
    expect(sites).toEqual(expect.arrayContaining(['north', 'south']));
  });

  describe.each(kustomizations)('%s', (dir) => {
    it('renders with kubectl kustomize and passes the Kubernetes and operator schemas', () => {
      const objects = kustomize(join(K8S_DIR, dir));
      expect(objects.length).toBeGreaterThan(0);
      expect(schemaProblems(objects)).toEqual([]);
    });
  });
});
