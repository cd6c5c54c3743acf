// Adds a site to the Kubernetes deployment:
//
//   deploy/new-site.sh <site-id> [--domain alongside.example]
//
// It writes deploy/k8s/overlays/<site> from overlays/_template (namespace alongside-<site>, SITE_ID,
// Ingress for <site>.<domain> and companion.<site>.<domain>), deploy/k8s/platform/sites/<site>/
// databases.yaml (one database per service) listed in platform/kustomization.yaml, and appends the
// site's login roles to platform/sites/roles.patch.yaml (one patch for all sites: kustomize v2.0.3
// refuses two patches adding to the same list). It creates no Secret and applies nothing:
// docs/operations.md, "Add a site", takes it from there.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { isSeq, parseDocument } from 'yaml';

export const DEFAULT_K8S_DIR = resolve(__dirname, 'k8s');
export const DEFAULT_DOMAIN = 'alongside.example';

// A DNS label of 2 to 30 characters, short enough for every name derived from it: the namespace
// alongside-<site>, Database objects <site>-<service>, Postgres roles <site>_<service> (63 at most).
const SITE_ID = /^[a-z][a-z0-9-]{0,28}[a-z0-9]$/;
const DOMAIN = /^(?=.{1,200}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export type NewSite = Readonly<{ site: string; domain?: string; k8sDir?: string }>;
export type CreatedSite = Readonly<{ overlayDir: string; platformSiteDir: string; files: string[] }>;

export class InvalidSite extends Error {}

export function createSite({
  site,
  domain = DEFAULT_DOMAIN,
  k8sDir = DEFAULT_K8S_DIR,
}: NewSite): CreatedSite {
  if (!SITE_ID.test(site)) {
    throw new InvalidSite(
      `"${site}" is not a usable site id: lowercase letters, digits and hyphens, starting with a letter, 2 to 30 characters`,
    );
  }
  if (!DOMAIN.test(domain)) throw new InvalidSite(`"${domain}" is not a domain name`);

  const overlayDir = join(k8sDir, 'overlays', site);
  const platformSiteDir = join(k8sDir, 'platform', 'sites', site);
  for (const dir of [overlayDir, platformSiteDir]) {
    if (existsSync(dir)) throw new InvalidSite(`site "${site}" exists already: ${dir}`);
  }

  const placeholders: Record<string, string> = {
    __SITE_ID__: site,
    __SITE_DB__: site.replace(/-/g, '_'), // Postgres identifiers stay unquoted
    __DOMAIN__: domain,
  };
  const overlay = renderTemplate(join(k8sDir, 'overlays', '_template'), placeholders);
  const platformSite = renderTemplate(join(k8sDir, 'platform', 'sites', '_template'), placeholders);
  const siteRoles = platformSite.get('roles.patch.yaml');
  if (siteRoles === undefined) throw new Error('platform/sites/_template/roles.patch.yaml is missing');
  platformSite.delete('roles.patch.yaml');

  // Everything is prepared in memory first, so a refusal leaves nothing half-written.
  const platformKustomization = join(k8sDir, 'platform', 'kustomization.yaml');
  const platformText = withSite(readFileSync(platformKustomization, 'utf8'), site);
  const rolesPatch = join(k8sDir, 'platform', 'sites', 'roles.patch.yaml');
  const rolesBefore = readFileSync(rolesPatch, 'utf8');
  const firstRole = `name: ${placeholders.__SITE_DB__}_`;
  if (rolesBefore.includes(firstRole))
    throw new InvalidSite(`site "${site}" already has roles in ${rolesPatch}`);

  const files: string[] = [];
  try {
    files.push(...writeAll(overlayDir, overlay), ...writeAll(platformSiteDir, platformSite));
    writeFileSync(rolesPatch, `${rolesBefore.replace(/\n*$/, '\n')}${siteRoles}`);
    files.push(rolesPatch);
    writeFileSync(platformKustomization, platformText);
    files.push(platformKustomization);
  } catch (error) {
    rmSync(overlayDir, { recursive: true, force: true });
    rmSync(platformSiteDir, { recursive: true, force: true });
    writeFileSync(rolesPatch, rolesBefore);
    throw error;
  }
  return { overlayDir, platformSiteDir, files };
}

function renderTemplate(dir: string, placeholders: Record<string, string>): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!statSync(path).isFile()) continue;
    let text = readFileSync(path, 'utf8');
    for (const [placeholder, value] of Object.entries(placeholders))
      text = text.split(placeholder).join(value);
    const left = text.match(/__[A-Z_]+__/);
    if (left) throw new Error(`${path}: unknown placeholder ${left[0]}`);
    files.set(name, text);
  }
  return files;
}

function writeAll(dir: string, files: Map<string, string>): string[] {
  mkdirSync(dir, { recursive: true });
  return [...files].map(([name, text]) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  });
}

/** platform/kustomization.yaml with the site's databases listed, comments kept. */
export function withSite(kustomization: string, site: string): string {
  const doc = parseDocument(kustomization);
  const resources = doc.get('resources');
  if (!isSeq(resources)) throw new Error('platform/kustomization.yaml needs a `resources` list');
  const databases = `sites/${site}/databases.yaml`;
  if (resources.items.some((item) => String((item as { value?: unknown }).value ?? item) === databases)) {
    throw new InvalidSite(`site "${site}" is already listed in platform/kustomization.yaml`);
  }
  resources.flow = false; // block style, even if the list was written `[]`
  resources.add(doc.createNode(databases));
  return doc.toString({ indentSeq: true, lineWidth: 0 });
}

function parseArgs(argv: string[]): NewSite {
  let site: string | undefined;
  let domain: string | undefined;
  let k8sDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--domain') domain = argv[++i];
    else if (arg === '--k8s-dir') k8sDir = resolve(argv[++i]);
    else if (arg === '-h' || arg === '--help') site = undefined;
    else if (!arg.startsWith('-') && site === undefined) site = arg;
    else throw new InvalidSite(`unexpected argument ${arg}`);
  }
  if (!site)
    throw new InvalidSite(
      'usage: deploy/new-site.sh <site-id> [--domain alongside.example] [--k8s-dir deploy/k8s]',
    );
  return { site, domain, k8sDir };
}

function main(): void {
  try {
    const options = parseArgs(process.argv.slice(2));
    const { overlayDir, files } = createSite(options);
    const site = options.site;
    const domain = options.domain ?? DEFAULT_DOMAIN;
    const shown = (path: string) => relative(process.cwd(), path) || '.';
    console.log(
      `Site ${site}: namespace alongside-${site}, https://${site}.${domain} and https://companion.${site}.${domain}`,
    );
    for (const file of files) console.log(`  wrote ${shown(file)}`);
    console.log(`
Next (docs/operations.md, "Add a site"):
  1. Passwords of the site's database roles, in alongside-platform: Secrets ${site}-<service>-db
  2. kubectl apply -k ${shown(join(overlayDir, '..', '..', 'platform'))}      (roles and databases)
  3. The site's Secrets in alongside-${site}: <service>-database and <service>-pii
  4. DNS for ${site}.${domain} and companion.${site}.${domain} to the ingress controller
  5. kubectl apply -k ${shown(overlayDir)}
  6. Configure the site itself (name, time zone, programmes) as platform-admin: POST /sites`);
  } catch (error) {
    console.error(error instanceof InvalidSite ? error.message : error);
    process.exitCode = 1;
  }
}

if (require.main === module) main();
