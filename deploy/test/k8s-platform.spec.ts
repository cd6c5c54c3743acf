// The shared infrastructure: KRaft Kafka with each service's topic and dead-letter topic, and a
// Postgres cluster with a database and a login role per site and service, backed up.
import { join } from 'node:path';
import { kustomize, type K8sObject } from './support/kubectl';
import { K8S_DIR, SERVICES, sitesIn } from './support/layout';
import { ofKind } from './support/site-checks';

const services = Object.keys(SERVICES);
const DAY_MS = 24 * 3600 * 1000;

describe('platform', () => {
  let objects: K8sObject[];
  beforeAll(() => {
    objects = kustomize(join(K8S_DIR, 'platform'));
  }, 300_000);

  it('lives in namespace alongside-platform, which the sites allow egress to', () => {
    expect(ofKind(objects, 'Namespace').map((n) => n.metadata.name)).toEqual(['alongside-platform']);
    expect(
      objects.filter((o) => o.kind !== 'Namespace' && o.metadata.namespace !== 'alongside-platform'),
    ).toEqual([]);
  });

  it('runs Kafka in KRaft mode on node pools: three controllers, at least three brokers', () => {
    const [kafka] = ofKind(objects, 'Kafka');
    expect(kafka.metadata.annotations).toMatchObject({
      'strimzi.io/kraft': 'enabled',
      'strimzi.io/node-pools': 'enabled',
    });
    const pools = ofKind(objects, 'KafkaNodePool');
    const replicas = (role: string) =>
      pools.filter((p) => p.spec.roles.includes(role)).reduce((n, p) => n + p.spec.replicas, 0);
    expect(replicas('controller')).toBe(3);
    expect(replicas('broker')).toBeGreaterThanOrEqual(3);
    expect(kafka.spec.kafka.config['auto.create.topics.enable']).toBe(false);
  });

  it('admits Kafka clients only from site namespaces and its own', () => {
    const [kafka] = ofKind(objects, 'Kafka');
    for (const listener of kafka.spec.kafka.listeners) {
      expect(listener.type).toBe('internal');
      expect(listener.networkPolicyPeers).toEqual([
        { namespaceSelector: { matchLabels: { 'alongside/tier': 'site' } } },
        { podSelector: {} },
      ]);
    }
  });

  it.each(services)('has alongside.%s.events and its .dlq, replicated and retained', (service) => {
    const topics = ofKind(objects, 'KafkaTopic');
    const events = topics.find((t) => t.spec.topicName === `alongside.${service}.events`);
    const dlq = topics.find((t) => t.spec.topicName === `alongside.${service}.events.dlq`);
    expect(events).toBeDefined();
    expect(dlq).toBeDefined();
    for (const topic of [events, dlq] as K8sObject[]) {
      expect(topic.spec.replicas).toBe(3);
      expect(topic.spec.config['min.insync.replicas']).toBe(2);
      expect(topic.spec.config['cleanup.policy']).toBe('delete');
    }
    expect(events?.spec.partitions).toBeGreaterThanOrEqual(12);
    expect(events?.spec.config['retention.ms']).toBeGreaterThanOrEqual(7 * DAY_MS);
    // Dead letters wait for a person: they outlive the events they failed on.
    expect(dlq?.spec.config['retention.ms']).toBeGreaterThan(events?.spec.config['retention.ms']);
    expect(dlq?.spec.config['max.message.bytes']).toBeGreaterThanOrEqual(
      events?.spec.config['max.message.bytes'],
    );
  });

  it('declares no topic beyond the services’ events and dead letters', () => {
    const names = ofKind(objects, 'KafkaTopic')
      .map((t) => t.spec.topicName)
      .sort();
    expect(names).toEqual(
      services.flatMap((s) => [`alongside.${s}.events`, `alongside.${s}.events.dlq`]).sort(),
    );
  });

  it('runs Postgres highly available, synchronously replicated, archived and backed up nightly', () => {
    const [cluster] = ofKind(objects, 'Cluster');
    expect(cluster.spec.instances).toBeGreaterThanOrEqual(3);
    expect(cluster.spec.postgresql.synchronous).toMatchObject({ number: 1 });
    expect(cluster.spec.enableSuperuserAccess).toBe(false);
    expect(cluster.spec.plugins).toEqual([
      expect.objectContaining({ name: 'barman-cloud.cloudnative-pg.io', isWALArchiver: true }),
    ]);
    const [backup] = ofKind(objects, 'ScheduledBackup');
    expect(backup.spec).toMatchObject({ cluster: { name: cluster.metadata.name }, method: 'plugin' });
    expect(ofKind(objects, 'ObjectStore')[0].spec.retentionPolicy).toMatch(/^\d+d$/);
  });

  it('pools the APIs’ connections in transaction mode', () => {
    const [pooler] = ofKind(objects, 'Pooler');
    expect(pooler.spec).toMatchObject({ type: 'rw', pgbouncer: { poolMode: 'transaction' } });
  });

  it.each(sitesIn())(
    'gives site %s one database and one login role per service, and nothing to sites that do not exist',
    (site) => {
      const [cluster] = ofKind(objects, 'Cluster');
      const prefix = site.replace(/-/g, '_');
      for (const service of services) {
        const role = cluster.spec.managed.roles.find(
          (r: { name: string }) => r.name === `${prefix}_${service}`,
        );
        expect(role).toMatchObject({
          login: true,
          ensure: 'present',
          passwordSecret: { name: `${site}-${service}-db` },
        });
        expect(role.superuser ?? false).toBe(false);
        const database = ofKind(objects, 'Database').find((d) => d.spec.name === `${prefix}_${service}`);
        expect(database?.spec).toMatchObject({
          owner: `${prefix}_${service}`,
          cluster: { name: cluster.metadata.name },
          databaseReclaimPolicy: 'retain',
        });
      }
    },
  );

  it('has databases only for sites that have an overlay', () => {
    const prefixes = sitesIn().map((s) => s.replace(/-/g, '_'));
    const orphans = ofKind(objects, 'Database').filter(
      (d) => !prefixes.some((p) => services.some((s) => d.spec.name === `${p}_${s}`)),
    );
    expect(orphans.map((d) => d.spec.name)).toEqual([]);
  });

  it('admits Postgres clients only from site namespaces, its own namespace, the operator and monitoring', () => {
    const policies = ofKind(objects, 'NetworkPolicy');
    expect(policies.map((p) => p.spec.podSelector.matchLabels)).toEqual(
      expect.arrayContaining([
        { 'cnpg.io/cluster': 'alongside-pg' },
        { 'cnpg.io/poolerName': 'alongside-pg-pooler-rw' },
      ]),
    );
    for (const policy of policies) {
      for (const rule of policy.spec.ingress) {
        for (const peer of rule.from) {
          const namespace = peer.namespaceSelector?.matchLabels;
          const allowed =
            (peer.podSelector && !peer.namespaceSelector) ||
            namespace?.['alongside/tier'] === 'site' ||
            ['cnpg-system', 'monitoring'].includes(namespace?.['kubernetes.io/metadata.name']);
          expect([policy.metadata.name, peer, allowed]).toEqual([policy.metadata.name, peer, true]);
        }
      }
    }
  });
});
