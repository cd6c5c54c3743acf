// docker-compose.yml: checked by structure (parsed, YAML merge keys resolved, ${VAR:-default}
// taken at its default), then by docker compose itself (`config`), installed from Debian if missing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { ensureDebianPackage } from '@alongside/platform/testing';
import { APPS, ROOT_DIR, SERVICES, WEB_APPS } from './support/layout';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ComposeService = Record<string, any>;

const COMPOSE_FILE = join(ROOT_DIR, 'docker-compose.yml');
const compose = parse(readFileSync(COMPOSE_FILE, 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const services = compose.services;

const interpolate = (value: unknown) =>
  String(value).replace(/\$\{([A-Z_]+)(?::?-([^}]*))?\}/g, (_, _name, fallback) => fallback ?? '');
const environmentOf = (service: ComposeService): Record<string, string> => {
  const env = service.environment ?? {};
  const pairs: [string, unknown][] = Array.isArray(env)
    ? env.map((e: string) => e.split(/=(.*)/s).slice(0, 2) as [string, string])
    : Object.entries(env);
  return Object.fromEntries(pairs.map(([k, v]) => [k, interpolate(v)]));
};
const dependsOn = (service: ComposeService): Record<string, { condition: string }> =>
  Array.isArray(service.depends_on)
    ? Object.fromEntries(service.depends_on.map((name: string) => [name, { condition: 'service_started' }]))
    : (service.depends_on ?? {});
const isOneShot = (name: string) =>
  services[name].restart === 'no' &&
  Object.values(services).some((s) => dependsOn(s)[name]?.condition === 'service_completed_successfully');

const processes = Object.entries(SERVICES).flatMap(([service, port]) =>
  [
    ['api', service],
    ['relay', `${service}-relay`],
    ['projections', `${service}-projections`],
  ].map(([role, name]) => ({ service, role, name, port })),
);

describe('docker-compose.yml', () => {
  it('runs Kafka in KRaft mode, EventStoreDB, Postgres, each service as api, relay and projections, the dashboard and the companion', () => {
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining([
        'postgres',
        'kafka',
        'eventstore',
        ...processes.map((p) => p.name),
        ...Object.keys(WEB_APPS),
      ]),
    );
    expect(services.kafka.image).toMatch(/^apache\/kafka:\d/);
    expect(environmentOf(services.kafka).KAFKA_PROCESS_ROLES.split(',').sort()).toEqual([
      'broker',
      'controller',
    ]);
    expect(
      Object.keys(services).filter(
        (name) => /zookeeper/i.test(name) || /zookeeper/i.test(services[name].image ?? ''),
      ),
    ).toEqual([]);
    expect(services.eventstore.image).toMatch(
      /^(eventstore\/eventstore|docker\.kurrent\.io\/.*kurrentdb|kurrentplatform\/kurrentdb):\d/,
    );
    expect(services.postgres.image).toMatch(/^postgres:\d+/);
  });

  it('gives every long-running container a health check (one-shot jobs excepted)', () => {
    const missing = Object.entries(services)
      .filter(
        ([name, service]) =>
          !isOneShot(name) &&
          !(Array.isArray(service.healthcheck?.test) && service.healthcheck.test.length > 1),
      )
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('has depends_on conditions that name existing services and can be met, without cycles', () => {
    const problems: string[] = [];
    for (const [name, service] of Object.entries(services)) {
      for (const [dependency, { condition }] of Object.entries(dependsOn(service))) {
        if (!services[dependency]) problems.push(`${name} depends on unknown ${dependency}`);
        else if (
          !['service_started', 'service_healthy', 'service_completed_successfully'].includes(condition)
        )
          problems.push(`${name}: unknown condition ${condition}`);
        else if (condition === 'service_healthy' && !services[dependency].healthcheck)
          problems.push(`${name} waits for ${dependency} to be healthy, which has no health check`);
        else if (condition === 'service_completed_successfully' && services[dependency].restart !== 'no')
          problems.push(`${name} waits for ${dependency} to complete, which restarts`);
      }
    }
    const visiting = new Set<string>();
    const done = new Set<string>();
    const visit = (name: string, path: string[]) => {
      if (done.has(name)) return;
      if (visiting.has(name)) return problems.push(`cycle: ${[...path, name].join(' -> ')}`);
      visiting.add(name);
      for (const dependency of Object.keys(dependsOn(services[name] ?? {})))
        visit(dependency, [...path, name]);
      visiting.delete(name);
      done.add(name);
      return undefined;
    };
    for (const name of Object.keys(services)) visit(name, []);
    expect(problems).toEqual([]);
  });

  it('starts every process only once its stores and topics are there, relays and projections after their API', () => {
    for (const { name, role, service } of processes) {
      const deps = dependsOn(services[name]);
      expect([name, deps]).toEqual([
        name,
        expect.objectContaining({
          postgres: { condition: 'service_healthy' },
          kafka: { condition: 'service_healthy' },
          eventstore: { condition: 'service_healthy' },
          'kafka-topics': { condition: 'service_completed_successfully' },
          ...(role === 'api' ? {} : { [service]: { condition: 'service_healthy' } }),
        }),
      ]);
    }
  });

  it('publishes ports on 127.0.0.1 only, and only the APIs, apps and stores', () => {
    const problems: string[] = [];
    for (const [name, service] of Object.entries(services)) {
      for (const port of service.ports ?? []) {
        const text =
          typeof port === 'string' ? port : `${port.host_ip ?? ''}:${port.published}:${port.target}`;
        if (!text.startsWith('127.0.0.1:')) problems.push(`${name} publishes ${text} beyond the workstation`);
      }
      if (/-(relay|projections)$/.test(name) && (service.ports ?? []).length > 0)
        problems.push(`${name} publishes a port`);
    }
    expect(problems).toEqual([]);
    for (const [app, port] of Object.entries(APPS))
      expect(services[app].ports).toEqual([`127.0.0.1:${port}:${port}`]);
  });

  it.each(processes)(
    'gives $name ($role) the complete environment, pointed at EventStoreDB',
    ({ name, role, service, port }) => {
      const env = environmentOf(services[name]);
      for (const key of [
        'DATABASE_URL',
        'KAFKA_BROKERS',
        'EVENT_STORE',
        'EVENTSTORE_URL',
        'SITE_ID',
        'JWT_ISSUER',
        'JWT_AUDIENCE',
        'PII_MASTER_KEY',
        'PII_MASTER_KEY_ID',
        'LOG_LEVEL',
        'PORT',
        'HOST',
        'ROLE',
      ]) {
        expect([key, env[key] ?? '']).toEqual([key, expect.stringMatching(/.+/)]);
      }
      expect(env.ROLE).toBe(role);
      expect(env.PORT).toBe(String(port));
      expect(env.HOST).toBe('0.0.0.0');
      expect(env.EVENT_STORE).toBe('esdb');
      expect(services[new URL(env.EVENTSTORE_URL).hostname]).toBe(services.eventstore);
      expect(env.EVENTSTORE_URL).toMatch(/^esdb:\/\//);
      for (const broker of env.KAFKA_BROKERS.split(',')) {
        const [host, brokerPort] = broker.split(':');
        expect(services[host]).toBe(services.kafka);
        expect(environmentOf(services.kafka).KAFKA_ADVERTISED_LISTENERS).toContain(`//${host}:${brokerPort}`);
      }
      // Its own database and role, which the Postgres init script creates.
      const database = new URL(env.DATABASE_URL);
      expect(services[database.hostname]).toBe(services.postgres);
      expect([database.username, database.pathname]).toEqual([service, `/${service}`]);
      const init = readFileSync(join(ROOT_DIR, 'deploy/compose/postgres-init.sql'), 'utf8');
      expect(init).toContain(
        `CREATE ROLE ${service} LOGIN PASSWORD '${decodeURIComponent(database.password)}';`,
      );
      expect(init).toContain(`CREATE DATABASE ${service} OWNER ${service};`);
      // The security library refuses HS256 tokens in production and secrets under 32 bytes.
      expect(env.NODE_ENV).not.toBe('production');
      expect(Buffer.byteLength(env.JWT_SECRET ?? '')).toBeGreaterThanOrEqual(32);
      expect(Buffer.from(env.PII_MASTER_KEY, 'base64')).toHaveLength(32);
    },
  );

  it('builds every app from the one Dockerfile, told its app and port, and runs it hardened', () => {
    for (const [name, service] of Object.entries(services)) {
      if (!service.build) continue;
      const app = name.replace(/-(relay|projections)$/, '') as keyof typeof APPS;
      expect([name, service.build]).toEqual([
        name,
        {
          context: '.',
          dockerfile: 'deploy/docker/service.Dockerfile',
          args: { APP: app, PORT: String(APPS[app]) },
        },
      ]);
      expect(existsSync(join(ROOT_DIR, service.build.dockerfile))).toBe(true);
      expect(service.image).toBe(`alongside/${app}:dev`);
      expect([name, service.read_only, service.cap_drop, service.security_opt, service.tmpfs]).toEqual([
        name,
        true,
        ['ALL'],
        ['no-new-privileges:true'],
        ['/tmp'],
      ]);
    }
    const built = Object.entries(services)
      .filter(([, s]) => s.build)
      .map(([name]) => name);
    expect(built.sort()).toEqual([...processes.map((p) => p.name), ...Object.keys(WEB_APPS)].sort());
  });

  it('creates exactly the topics the platform declares (deploy/k8s/platform/kafka-topics.yaml)', () => {
    const script = services['kafka-topics'].command.join('\n');
    const loop = /for service in ([a-z ]+); do/.exec(script);
    const templates = [...script.matchAll(/--topic (\S+)/g)].map((m) => m[1]);
    const created = (loop?.[1].split(' ') ?? []).flatMap((service) =>
      templates.map((t) => t.replace('$${service}', service)),
    );
    const declared = parseAllDocuments(
      readFileSync(join(ROOT_DIR, 'deploy/k8s/platform/kafka-topics.yaml'), 'utf8'),
    ).map((d) => d.toJS().spec.topicName);
    expect(created.sort()).toEqual(declared.sort());
  });

  describe('docker compose config', () => {
    let command: string[];
    beforeAll(() => {
      const ok = (bin: string, args: string[]) => spawnSync(bin, args, { encoding: 'utf8' }).status === 0;
      const find = () =>
        ok('docker', ['compose', 'version'])
          ? ['docker', 'compose']
          : ok('docker-compose', ['version'])
            ? ['docker-compose']
            : undefined;
      ensureDebianPackage('docker-compose', 'docker compose (or docker-compose)', () => find() !== undefined);
      command = find() as string[];
    }, 300_000);

    it('accepts the file', () => {
      const [bin, ...args] = command;
      const result = spawnSync(bin, [...args, '-f', COMPOSE_FILE, 'config', '--quiet'], {
        encoding: 'utf8',
        cwd: ROOT_DIR,
      });
      expect(result.stderr.replace(/^.*(WARN|level=warning).*$/gm, '').trim()).toBe('');
      expect(result.status).toBe(0);
    });
  });
});
