// Structural checks of the operators' resources (Strimzi, CloudNativePG and its Barman Cloud
// plugin), whose schemas kubernetes-models does not carry: the fields their operators require,
// their types, and the references between them (a node pool's cluster, a database's owner role,
// a backup's object store) resolved within the same render.
import type { K8sObject } from './kubectl';
import { isQuantity } from './quantity';

type Check = (object: K8sObject, all: K8sObject[]) => string[];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const at = (value: any, ...path: (string | number)[]): any =>
  path.reduce((node, key) => (node === null || node === undefined ? undefined : node[key]), value);

class Findings {
  readonly errors: string[] = [];
  expect(ok: boolean, message: string): this {
    if (!ok) this.errors.push(message);
    return this;
  }
  string(value: unknown, where: string, pattern?: RegExp): this {
    return this.expect(
      typeof value === 'string' && (!pattern || pattern.test(value)),
      `${where} must be a string${pattern ? ` matching ${pattern}` : ''}, is ${JSON.stringify(value)}`,
    );
  }
  integer(value: unknown, where: string, min = 0, max = Number.MAX_SAFE_INTEGER): this {
    return this.expect(
      Number.isInteger(value) && (value as number) >= min && (value as number) <= max,
      `${where} must be an integer in [${min}, ${max}], is ${JSON.stringify(value)}`,
    );
  }
  oneOf(value: unknown, where: string, allowed: readonly unknown[]): this {
    return this.expect(
      allowed.includes(value),
      `${where} must be one of ${allowed.join(', ')}, is ${JSON.stringify(value)}`,
    );
  }
  quantity(value: unknown, where: string): this {
    return this.expect(isQuantity(value), `${where} must be a quantity, is ${JSON.stringify(value)}`);
  }
  resources(value: unknown, where: string): this {
    if (value === undefined) return this;
    for (const kind of ['requests', 'limits']) {
      for (const [resource, amount] of Object.entries(at(value, kind) ?? {}))
        this.quantity(amount, `${where}.${kind}.${resource}`);
    }
    return this;
  }
}

const named = (all: K8sObject[], kind: string, name: unknown, namespace?: string) =>
  all.find(
    (o) =>
      o.kind === kind &&
      o.metadata.name === name &&
      (namespace === undefined || o.metadata.namespace === namespace),
  );

const sameNamespace = (object: K8sObject) => object.metadata.namespace;

// Strimzi

const STRIMZI_CLUSTER = 'strimzi.io/cluster';
const nodePools = (all: K8sObject[], cluster: string) =>
  all.filter((o) => o.kind === 'KafkaNodePool' && o.metadata.labels?.[STRIMZI_CLUSTER] === cluster);
const brokerCount = (all: K8sObject[], cluster: string) =>
  nodePools(all, cluster)
    .filter((p) => at(p, 'spec', 'roles')?.includes('broker'))
    .reduce((n, p) => n + (at(p, 'spec', 'replicas') ?? 0), 0);

const kafka: Check = (object, all) => {
  const f = new Findings();
  const annotations = object.metadata.annotations ?? {};
  f.expect(
    annotations['strimzi.io/node-pools'] === 'enabled',
    'needs annotation strimzi.io/node-pools: enabled',
  );
  f.expect(
    annotations['strimzi.io/kraft'] === 'enabled',
    'needs annotation strimzi.io/kraft: enabled (KRaft, no ZooKeeper)',
  );
  f.expect(at(object, 'spec', 'zookeeper') === undefined, 'spec.zookeeper must be absent in KRaft mode');
  const spec = at(object, 'spec', 'kafka');
  f.expect(typeof spec === 'object' && spec !== null, 'spec.kafka is required');
  f.string(at(spec, 'version'), 'spec.kafka.version', /^\d+\.\d+\.\d+$/);
  f.expect(
    at(spec, 'replicas') === undefined && at(spec, 'storage') === undefined,
    'replicas and storage belong to the KafkaNodePools',
  );
  const listeners = at(spec, 'listeners');
  f.expect(Array.isArray(listeners) && listeners.length > 0, 'spec.kafka.listeners must be a non-empty list');
  const ports = new Set<number>();
  for (const [i, listener] of (Array.isArray(listeners) ? listeners : []).entries()) {
    const where = `spec.kafka.listeners[${i}]`;
    f.string(listener.name, `${where}.name`, /^[a-z0-9]{1,11}$/);
    f.integer(listener.port, `${where}.port`, 9092, 65535);
    f.expect(!ports.has(listener.port), `${where}.port ${listener.port} is used twice`);
    ports.add(listener.port);
    f.oneOf(listener.type, `${where}.type`, [
      'internal',
      'route',
      'loadbalancer',
      'nodeport',
      'ingress',
      'cluster-ip',
    ]);
    f.oneOf(listener.tls, `${where}.tls`, [true, false]);
  }
  const config = at(spec, 'config') ?? {};
  const brokers = brokerCount(all, object.metadata.name);
  f.expect(nodePools(all, object.metadata.name).length > 0, 'no KafkaNodePool names this cluster');
  for (const key of [
    'default.replication.factor',
    'offsets.topic.replication.factor',
    'transaction.state.log.replication.factor',
  ]) {
    if (config[key] !== undefined)
      f.expect(config[key] <= brokers, `${key}=${config[key]} exceeds the ${brokers} brokers`);
  }
  if (config['min.insync.replicas'] !== undefined) {
    f.expect(
      config['min.insync.replicas'] < (config['default.replication.factor'] ?? 1),
      'min.insync.replicas must stay below the replication factor, or one broker down stops all writes',
    );
  }
  const controllers = nodePools(all, object.metadata.name)
    .filter((p) => at(p, 'spec', 'roles')?.includes('controller'))
    .reduce((n, p) => n + at(p, 'spec', 'replicas'), 0);
  f.expect(controllers % 2 === 1, `the KRaft quorum needs an odd number of controllers, has ${controllers}`);
  return f.errors;
};

const kafkaNodePool: Check = (object, all) => {
  const f = new Findings();
  const cluster = object.metadata.labels?.[STRIMZI_CLUSTER];
  f.expect(
    named(all, 'Kafka', cluster, sameNamespace(object)) !== undefined,
    `label ${STRIMZI_CLUSTER}=${cluster} names no Kafka in this namespace`,
  );
  const spec = at(object, 'spec');
  f.integer(at(spec, 'replicas'), 'spec.replicas', 1);
  const roles = at(spec, 'roles');
  f.expect(
    Array.isArray(roles) &&
      roles.length > 0 &&
      roles.every((r: string) => r === 'controller' || r === 'broker'),
    'spec.roles must list controller and/or broker',
  );
  const storage = at(spec, 'storage');
  f.oneOf(at(storage, 'type'), 'spec.storage.type', ['jbod', 'persistent-claim', 'ephemeral']);
  const volumes = at(storage, 'type') === 'jbod' ? at(storage, 'volumes') : [storage];
  f.expect(Array.isArray(volumes) && volumes.length > 0, 'spec.storage needs volumes');
  for (const [i, volume] of (Array.isArray(volumes) ? volumes : []).entries()) {
    if (at(storage, 'type') === 'jbod') f.integer(volume.id, `spec.storage.volumes[${i}].id`);
    f.oneOf(volume.type, `spec.storage.volumes[${i}].type`, ['persistent-claim', 'ephemeral']);
    if (volume.type === 'persistent-claim') {
      f.quantity(volume.size, `spec.storage.volumes[${i}].size`);
      f.expect(
        volume.deleteClaim === false,
        `spec.storage.volumes[${i}].deleteClaim must be false: deleting a pool must not delete the data`,
      );
    }
  }
  f.resources(at(spec, 'resources'), 'spec.resources');
  return f.errors;
};

const kafkaTopic: Check = (object, all) => {
  const f = new Findings();
  const cluster = object.metadata.labels?.[STRIMZI_CLUSTER];
  f.expect(
    named(all, 'Kafka', cluster, sameNamespace(object)) !== undefined,
    `label ${STRIMZI_CLUSTER}=${cluster} names no Kafka in this namespace`,
  );
  const spec = at(object, 'spec');
  f.string(at(spec, 'topicName') ?? object.metadata.name, 'spec.topicName', /^[a-zA-Z0-9._-]{1,249}$/);
  f.integer(at(spec, 'partitions'), 'spec.partitions', 1, 1000);
  const brokers = brokerCount(all, String(cluster));
  f.integer(at(spec, 'replicas'), 'spec.replicas', 1, Math.max(1, brokers));
  const config = at(spec, 'config') ?? {};
  f.expect(typeof config === 'object', 'spec.config must be a map');
  for (const key of ['retention.ms', 'min.insync.replicas', 'max.message.bytes']) {
    if (config[key] !== undefined) f.integer(config[key], `spec.config.${key}`, 1);
  }
  if (config['min.insync.replicas'] !== undefined)
    f.expect(
      config['min.insync.replicas'] < at(spec, 'replicas'),
      'min.insync.replicas must stay below replicas',
    );
  if (config['cleanup.policy'] !== undefined)
    f.oneOf(config['cleanup.policy'], 'spec.config.cleanup.policy', ['delete', 'compact', 'compact,delete']);
  return f.errors;
};

// CloudNativePG

const PG_IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;
const managedRoles = (cluster: K8sObject | undefined): { name: string }[] =>
  at(cluster, 'spec', 'managed', 'roles') ?? [];

const cnpgCluster: Check = (object, all) => {
  const f = new Findings();
  const spec = at(object, 'spec');
  f.integer(at(spec, 'instances'), 'spec.instances', 1);
  f.quantity(at(spec, 'storage', 'size'), 'spec.storage.size');
  if (at(spec, 'walStorage') !== undefined)
    f.quantity(at(spec, 'walStorage', 'size'), 'spec.walStorage.size');
  f.resources(at(spec, 'resources'), 'spec.resources');
  for (const [key, value] of Object.entries(at(spec, 'postgresql', 'parameters') ?? {})) {
    f.expect(
      typeof value === 'string',
      `spec.postgresql.parameters.${key} must be a string (the CRD says so), is ${JSON.stringify(value)}`,
    );
  }
  const synchronous = at(spec, 'postgresql', 'synchronous');
  if (synchronous !== undefined) {
    f.oneOf(synchronous.method, 'spec.postgresql.synchronous.method', ['any', 'first']);
    f.integer(synchronous.number, 'spec.postgresql.synchronous.number', 1, at(spec, 'instances') - 1);
  }
  const roles = managedRoles(object);
  f.expect(Array.isArray(roles), 'spec.managed.roles must be a list');
  const seen = new Set<string>();
  for (const [i, role] of roles.entries()) {
    const r = role as Record<string, unknown>;
    f.string(r.name, `spec.managed.roles[${i}].name`, PG_IDENTIFIER);
    f.expect(!seen.has(String(r.name)), `role ${r.name} is declared twice`);
    seen.add(String(r.name));
    f.oneOf(r.ensure ?? 'present', `spec.managed.roles[${i}].ensure`, ['present', 'absent']);
    if (r.login) f.string(at(r, 'passwordSecret', 'name'), `spec.managed.roles[${i}].passwordSecret.name`);
    if (r.connectionLimit !== undefined)
      f.integer(r.connectionLimit, `spec.managed.roles[${i}].connectionLimit`, -1);
  }
  for (const [i, plugin] of (at(spec, 'plugins') ?? []).entries()) {
    f.string(plugin.name, `spec.plugins[${i}].name`);
    if (plugin.name === 'barman-cloud.cloudnative-pg.io') {
      const store = at(plugin, 'parameters', 'barmanObjectName');
      f.expect(
        named(all, 'ObjectStore', store, sameNamespace(object)) !== undefined,
        `spec.plugins[${i}] names ObjectStore ${store}, which is not in this namespace`,
      );
    }
  }
  return f.errors;
};

const clusterOf = (object: K8sObject, all: K8sObject[], f: Findings) => {
  const name = at(object, 'spec', 'cluster', 'name');
  const cluster = named(all, 'Cluster', name, sameNamespace(object));
  f.expect(cluster !== undefined, `spec.cluster.name ${name} names no Cluster in this namespace`);
  return cluster;
};

const cnpgDatabase: Check = (object, all) => {
  const f = new Findings();
  const cluster = clusterOf(object, all, f);
  f.string(at(object, 'spec', 'name'), 'spec.name', PG_IDENTIFIER);
  const owner = at(object, 'spec', 'owner');
  f.string(owner, 'spec.owner', PG_IDENTIFIER);
  if (cluster)
    f.expect(
      managedRoles(cluster).some((r) => r.name === owner),
      `owner ${owner} is not a managed role of Cluster ${cluster.metadata.name}`,
    );
  f.oneOf(at(object, 'spec', 'ensure') ?? 'present', 'spec.ensure', ['present', 'absent']);
  f.oneOf(at(object, 'spec', 'databaseReclaimPolicy') ?? 'retain', 'spec.databaseReclaimPolicy', [
    'retain',
    'delete',
  ]);
  return f.errors;
};

const cnpgPooler: Check = (object, all) => {
  const f = new Findings();
  clusterOf(object, all, f);
  f.oneOf(at(object, 'spec', 'type'), 'spec.type', ['rw', 'ro']);
  f.integer(at(object, 'spec', 'instances'), 'spec.instances', 1);
  f.oneOf(at(object, 'spec', 'pgbouncer', 'poolMode'), 'spec.pgbouncer.poolMode', ['session', 'transaction']);
  for (const [key, value] of Object.entries(at(object, 'spec', 'pgbouncer', 'parameters') ?? {})) {
    f.expect(typeof value === 'string', `spec.pgbouncer.parameters.${key} must be a string`);
  }
  return f.errors;
};

const cnpgScheduledBackup: Check = (object, all) => {
  const f = new Findings();
  const cluster = clusterOf(object, all, f);
  const schedule = at(object, 'spec', 'schedule');
  f.expect(
    typeof schedule === 'string' && schedule.trim().split(/\s+/).length === 6,
    `spec.schedule must be a six-field cron (seconds first), is ${JSON.stringify(schedule)}`,
  );
  f.oneOf(at(object, 'spec', 'method'), 'spec.method', ['barmanObjectStore', 'volumeSnapshot', 'plugin']);
  if (at(object, 'spec', 'method') === 'plugin' && cluster) {
    const plugin = at(object, 'spec', 'pluginConfiguration', 'name');
    f.expect(
      (at(cluster, 'spec', 'plugins') ?? []).some((p: { name: string }) => p.name === plugin),
      `pluginConfiguration.name ${plugin} is not a plugin of Cluster ${cluster.metadata.name}`,
    );
  }
  return f.errors;
};

const barmanObjectStore: Check = (object) => {
  const f = new Findings();
  const configuration = at(object, 'spec', 'configuration');
  f.string(
    at(configuration, 'destinationPath'),
    'spec.configuration.destinationPath',
    /^(s3|gs|https?):\/\/.+/,
  );
  const s3 = at(configuration, 's3Credentials');
  if (s3 !== undefined && !s3.inheritFromIAMRole) {
    for (const key of ['accessKeyId', 'secretAccessKey']) {
      f.string(at(s3, key, 'name'), `spec.configuration.s3Credentials.${key}.name`);
      f.string(at(s3, key, 'key'), `spec.configuration.s3Credentials.${key}.key`);
    }
  }
  const retention = at(object, 'spec', 'retentionPolicy');
  if (retention !== undefined) f.string(retention, 'spec.retentionPolicy', /^[1-9][0-9]*[dwm]$/);
  return f.errors;
};

export const crdValidators: Record<string, Check> = {
  'kafka.strimzi.io/v1beta2/Kafka': kafka,
  'kafka.strimzi.io/v1beta2/KafkaNodePool': kafkaNodePool,
  'kafka.strimzi.io/v1beta2/KafkaTopic': kafkaTopic,
  'postgresql.cnpg.io/v1/Cluster': cnpgCluster,
  'postgresql.cnpg.io/v1/Database': cnpgDatabase,
  'postgresql.cnpg.io/v1/Pooler': cnpgPooler,
  'postgresql.cnpg.io/v1/ScheduledBackup': cnpgScheduledBackup,
  'barmancloud.cnpg.io/v1/ObjectStore': barmanObjectStore,
};
