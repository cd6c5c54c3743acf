// What every site's rendered manifests must hold, as lists of problems (empty when all is well),
// so a failing test names each offending object. Used for the committed sites and for a site
// freshly made by new-site.
import { idOf, validationErrors } from './kubernetes-schemas';
import type { K8sObject } from './kubectl';
import { ROLES, SERVICES, WEB_APPS } from './layout';
import { quantity } from './quantity';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Container = any;

export const ofKind = (objects: K8sObject[], kind: string) => objects.filter((o) => o.kind === kind);
export const deploymentsOf = (objects: K8sObject[]) => ofKind(objects, 'Deployment');
const find = (objects: K8sObject[], kind: string, name: string) =>
  objects.find((o) => o.kind === kind && o.metadata.name === name);

const SERVICE_ENV = [
  'HOST',
  'ROLE',
  'PORT',
  'SITE_ID',
  'DATABASE_URL',
  'KAFKA_BROKERS',
  'EVENT_STORE',
  'JWT_JWKS_URL',
  'JWT_ISSUER',
  'JWT_AUDIENCE',
  'PII_MASTER_KEY',
  'PII_MASTER_KEY_ID',
  'LOG_LEVEL',
];
const WEB_ENV = ['HOST', 'PORT', 'SITE_ID', 'LOG_LEVEL'];
const SECRET_ENV = ['DATABASE_URL', 'PII_MASTER_KEY', 'PII_MASTER_KEY_ID', 'PII_MASTER_KEYS'];
const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];

export type EnvSource = { value?: string; secret?: { name: string; key: string }; from: string };

/** A container's environment as the kubelet will build it: envFrom ConfigMaps, then env. */
export function environmentOf(
  container: Container,
  objects: K8sObject[],
): { env: Map<string, EnvSource>; problems: string[] } {
  const env = new Map<string, EnvSource>();
  const problems: string[] = [];
  for (const source of container.envFrom ?? []) {
    if (source.secretRef)
      problems.push(
        `envFrom secretRef ${source.secretRef.name}: secrets go key by key, so each is visible in review`,
      );
    const name = source.configMapRef?.name;
    if (!name) continue;
    const configMap = find(objects, 'ConfigMap', name);
    if (!configMap) problems.push(`envFrom ConfigMap ${name} is not in the render`);
    for (const [key, value] of Object.entries(configMap?.data ?? {}))
      env.set(key, { value: String(value), from: `ConfigMap ${name}` });
  }
  for (const variable of container.env ?? []) {
    const ref = variable.valueFrom;
    if (ref?.configMapKeyRef) {
      const configMap = find(objects, 'ConfigMap', ref.configMapKeyRef.name);
      const value = configMap?.data?.[ref.configMapKeyRef.key];
      if (value === undefined)
        problems.push(
          `${variable.name} reads ${ref.configMapKeyRef.name}/${ref.configMapKeyRef.key}, not in the render`,
        );
      env.set(variable.name, { value, from: `ConfigMap ${ref.configMapKeyRef.name}` });
    } else if (ref?.secretKeyRef) {
      env.set(variable.name, {
        secret: { name: ref.secretKeyRef.name, key: ref.secretKeyRef.key },
        from: `Secret ${ref.secretKeyRef.name}`,
      });
    } else {
      env.set(variable.name, { value: variable.value, from: 'env' });
    }
  }
  return { env, problems };
}

/** Every object passes its schema (kubernetes-models) or its operator's structural check. */
export function schemaProblems(objects: K8sObject[]): string[] {
  const problems = objects.flatMap((object) =>
    validationErrors(object, objects).map((error) => `${idOf(object)}: ${error}`),
  );
  const seen = new Set<string>();
  for (const object of objects) {
    const id = `${object.apiVersion} ${idOf(object)}`;
    if (seen.has(id)) problems.push(`${id} is declared twice`);
    seen.add(id);
  }
  return problems;
}

export function namespaceProblems(objects: K8sObject[], site: string): string[] {
  const namespace = `alongside-${site}`;
  const problems: string[] = [];
  const ns = find(objects, 'Namespace', namespace);
  if (!ns) problems.push(`no Namespace ${namespace}`);
  else {
    if (ns.metadata.labels?.['alongside/tier'] !== 'site')
      problems.push(
        `Namespace ${namespace} lacks label alongside/tier=site (the platform admits sites by it)`,
      );
    if (ns.metadata.labels?.['alongside/site'] !== site)
      problems.push(`Namespace ${namespace} lacks label alongside/site=${site}`);
    if (ns.metadata.labels?.['pod-security.kubernetes.io/enforce'] !== 'restricted')
      problems.push(`Namespace ${namespace} does not enforce Pod Security "restricted"`);
  }
  for (const object of objects) {
    if (object.kind === 'Namespace') {
      if (object.metadata.name !== namespace)
        problems.push(`a site renders a second Namespace, ${object.metadata.name}`);
    } else if (object.metadata.namespace !== namespace) {
      problems.push(`${idOf(object)} is not in namespace ${namespace}`);
    }
  }
  return problems;
}

/** Probes, resources, security context, service account, image of every Deployment. */
export function deploymentProblems(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  for (const deployment of deploymentsOf(objects)) {
    const id = idOf(deployment);
    const pod = deployment.spec.template.spec;
    const podSecurity = pod.securityContext ?? {};
    if (podSecurity.runAsNonRoot !== true)
      problems.push(`${id}: pod securityContext.runAsNonRoot is not true`);
    if (!(podSecurity.runAsUser > 0))
      problems.push(`${id}: pod securityContext.runAsUser is not a non-zero uid`);
    if (podSecurity.seccompProfile?.type !== 'RuntimeDefault')
      problems.push(`${id}: pod seccompProfile is not RuntimeDefault`);
    if (pod.hostNetwork || pod.hostPID || pod.hostIPC) problems.push(`${id}: shares a host namespace`);
    const account = find(objects, 'ServiceAccount', pod.serviceAccountName);
    if (!pod.serviceAccountName || !account)
      problems.push(`${id}: its ServiceAccount ${pod.serviceAccountName} is not in the render`);
    if (pod.automountServiceAccountToken !== false && account?.automountServiceAccountToken !== false)
      problems.push(`${id}: mounts a Kubernetes API token it does not need`);
    for (const volume of pod.volumes ?? []) {
      const type = Object.keys(volume).find((key) => key !== 'name');
      if (
        ![
          'emptyDir',
          'configMap',
          'secret',
          'projected',
          'downwardAPI',
          'persistentVolumeClaim',
          'ephemeral',
        ].includes(String(type))
      ) {
        problems.push(
          `${id}: volume ${volume.name} of type ${type} is not allowed by Pod Security "restricted"`,
        );
      }
    }
    const labels = deployment.spec.template.metadata.labels ?? {};
    for (const [key, value] of Object.entries(deployment.spec.selector.matchLabels ?? {})) {
      if (labels[key] !== value) problems.push(`${id}: selector ${key}=${value} does not match its own pods`);
    }
    for (const container of pod.containers) {
      const where = `${id} container ${container.name}`;
      const security = container.securityContext ?? {};
      if (security.readOnlyRootFilesystem !== true)
        problems.push(`${where}: root filesystem is not read-only`);
      if (security.allowPrivilegeEscalation !== false)
        problems.push(`${where}: allowPrivilegeEscalation is not false`);
      if (security.privileged) problems.push(`${where}: is privileged`);
      if (!(security.capabilities?.drop ?? []).includes('ALL'))
        problems.push(`${where}: does not drop ALL capabilities`);
      if ((security.capabilities?.add ?? []).length > 0) problems.push(`${where}: adds capabilities`);
      if (security.runAsNonRoot !== true && podSecurity.runAsNonRoot !== true)
        problems.push(`${where}: may run as root`);
      if (security.runAsUser === 0) problems.push(`${where}: runs as uid 0`);
      if (
        !/:[\w][\w.-]{0,127}$|@sha256:[0-9a-f]{64}$/.test(container.image) ||
        container.image.endsWith(':latest')
      ) {
        problems.push(`${where}: image ${container.image} is not pinned to a tag or digest`);
      }
      const mounts = (container.volumeMounts ?? []).map((m: { mountPath: string; name: string }) => m);
      const tmp = mounts.find((m: { mountPath: string }) => m.mountPath === '/tmp');
      const tmpVolume = (pod.volumes ?? []).find((v: { name: string }) => v.name === tmp?.name);
      if (!tmpVolume?.emptyDir)
        problems.push(`${where}: no writable /tmp (emptyDir) beside the read-only root filesystem`);

      const ports = new Map<string, number>(
        (container.ports ?? []).map((p: { name: string; containerPort: number }) => [
          p.name,
          p.containerPort,
        ]),
      );
      const probe = (kind: string, path: string) => {
        const p = container[kind];
        if (!p) return problems.push(`${where}: no ${kind}`);
        if (p.httpGet?.path !== path) problems.push(`${where}: ${kind} is not GET ${path}`);
        const port = p.httpGet?.port;
        if (!(typeof port === 'string' ? ports.has(port) : [...ports.values()].includes(port)))
          problems.push(`${where}: ${kind} port ${port} is not a container port`);
        return undefined;
      };
      probe('readinessProbe', '/health/ready');
      probe('livenessProbe', '/health/live');
      if (container.startupProbe && container.startupProbe.httpGet?.path !== '/health/live')
        problems.push(`${where}: startupProbe is not GET /health/live`);

      const resources = container.resources ?? {};
      for (const resource of ['cpu', 'memory']) {
        const request = resources.requests?.[resource];
        const limit = resources.limits?.[resource];
        if (request === undefined) problems.push(`${where}: no ${resource} request`);
        if (limit === undefined) problems.push(`${where}: no ${resource} limit`);
        if (request !== undefined && limit !== undefined && quantity(request) > quantity(limit))
          problems.push(`${where}: ${resource} request above its limit`);
      }
      const heap = /--max-old-space-size=(\d+)/.exec(
        (container.env ?? []).find((e: { name: string }) => e.name === 'NODE_OPTIONS')?.value ?? '',
      );
      if (!heap)
        problems.push(
          `${where}: NODE_OPTIONS sets no --max-old-space-size, so V8 sizes its heap from the node, not the limit`,
        );
      else if (
        resources.limits?.memory &&
        Number(heap[1]) * 2 ** 20 > 0.8 * quantity(resources.limits.memory)
      ) {
        problems.push(
          `${where}: a ${heap[1]} MiB heap leaves too little of the ${resources.limits.memory} limit for the rest of the process`,
        );
      }
    }
  }
  return problems;
}

/** The environment every process needs, with SITE_ID the site's and secrets only from Secrets. */
export function environmentProblems(objects: K8sObject[], site: string): string[] {
  const problems: string[] = [];
  for (const deployment of deploymentsOf(objects)) {
    const id = idOf(deployment);
    const app = deployment.metadata.labels?.['app.kubernetes.io/name'];
    const component = deployment.metadata.labels?.['app.kubernetes.io/component'];
    const isService = app !== undefined && app in SERVICES;
    for (const container of deployment.spec.template.spec.containers) {
      const { env, problems: found } = environmentOf(container, objects);
      problems.push(...found.map((p) => `${id}: ${p}`));
      for (const name of isService ? SERVICE_ENV : WEB_ENV) {
        const source = env.get(name);
        if (!source || (source.value === undefined && !source.secret) || source.value === '')
          problems.push(`${id}: ${name} is not set`);
      }
      if (!['0.0.0.0', '::'].includes(String(env.get('HOST')?.value)))
        problems.push(`${id}: HOST ${env.get('HOST')?.value} is not reachable by probes and Services`);
      if (env.get('SITE_ID')?.value !== site)
        problems.push(`${id}: SITE_ID is ${JSON.stringify(env.get('SITE_ID')?.value)}, not ${site}`);
      if (env.has('JWT_SECRET'))
        problems.push(
          `${id}: JWT_SECRET is a development setting; deployments verify tokens with JWT_JWKS_URL`,
        );
      for (const name of SECRET_ENV) {
        const source = env.get(name);
        if (source && !source.secret)
          problems.push(`${id}: ${name} comes from ${source.from}, not from a Secret`);
      }
      const port = container.ports?.find((p: { name: string }) => p.name === 'http')?.containerPort;
      if (env.get('PORT')?.value !== String(port))
        problems.push(`${id}: PORT ${env.get('PORT')?.value} is not its http port ${port}`);
      if (isService) {
        if (env.get('ROLE')?.value !== component)
          problems.push(`${id}: ROLE ${env.get('ROLE')?.value} but component ${component}`);
        if (deployment.metadata.name !== `${app}-${component}`)
          problems.push(`${id}: is not named ${app}-${component}`);
        if (!['postgres', 'esdb'].includes(String(env.get('EVENT_STORE')?.value)))
          problems.push(`${id}: EVENT_STORE is neither postgres nor esdb`);
        if (
          env.get('EVENT_STORE')?.value === 'esdb' &&
          !/^esdb(\+discover)?:\/\//.test(env.get('EVENTSTORE_URL')?.value ?? '')
        ) {
          problems.push(`${id}: EVENT_STORE=esdb without an esdb:// EVENTSTORE_URL`);
        }
        // The relay's and projections' lease is a session advisory lock: PgBouncer's transaction
        // pooling would lose it, so only the API may go through the pooler.
        const database = env.get('DATABASE_URL')?.secret;
        const expected = component === 'api' ? 'DATABASE_URL_POOLED' : 'DATABASE_URL';
        if (database?.key !== expected)
          problems.push(`${id}: DATABASE_URL should come from key ${expected}, comes from ${database?.key}`);
        if (database && database.name !== `${app}-database`)
          problems.push(`${id}: reads another service's database Secret ${database.name}`);
        const pii = env.get('PII_MASTER_KEY')?.secret;
        if (pii && pii.name !== `${app}-pii`)
          problems.push(`${id}: reads another service's PII key Secret ${pii.name}`);
      }
    }
  }
  return problems;
}

/** Per service: api, relay and projections; replicas, PDBs and HPAs as the lease design wants. */
export function topologyProblems(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  const deployments = deploymentsOf(objects);
  const hpas = ofKind(objects, 'HorizontalPodAutoscaler');
  const pdbs = ofKind(objects, 'PodDisruptionBudget');
  const selects = (selector: Record<string, string> | undefined, labels: Record<string, string>) =>
    Object.keys(selector ?? {}).length > 0 &&
    Object.entries(selector ?? {}).every(([k, v]) => labels[k] === v);

  const expected = [
    ...Object.keys(SERVICES).flatMap((service) => ROLES.map((role) => `${service}-${role}`)),
    ...Object.keys(WEB_APPS),
  ];
  for (const name of expected)
    if (!find(objects, 'Deployment', name)) problems.push(`Deployment ${name} is missing`);

  for (const deployment of deployments) {
    const id = idOf(deployment);
    const labels = deployment.spec.template.metadata.labels;
    const component = deployment.metadata.labels?.['app.kubernetes.io/component'];
    const hpa = hpas.filter(
      (h) =>
        h.spec.scaleTargetRef.kind === 'Deployment' &&
        h.spec.scaleTargetRef.name === deployment.metadata.name,
    );
    const pdb = pdbs.filter((p) => selects(p.spec.selector?.matchLabels, labels));
    if (pdb.length !== 1) problems.push(`${id}: ${pdb.length} PodDisruptionBudgets select its pods, not one`);
    if (component === 'relay' || component === 'projections') {
      // One relay publishes (the lease) and projection batches lock their checkpoint: more replicas only wait.
      if (hpa.length > 0) problems.push(`${id}: autoscaled, but only the lease holder works`);
      if (deployment.spec.replicas !== 1)
        problems.push(
          `${id}: runs ${deployment.spec.replicas} replicas; the lease makes extra ones idle standbys`,
        );
      if (pdb[0] && pdb[0].spec.maxUnavailable !== 1)
        problems.push(`${id}: its PDB should allow the single pod to move (maxUnavailable: 1)`);
    } else {
      if (hpa.length !== 1) problems.push(`${id}: ${hpa.length} HorizontalPodAutoscalers, not one`);
      else if (!(hpa[0].spec.minReplicas >= 2)) problems.push(`${id}: its HPA allows fewer than 2 replicas`);
      if (hpa.length === 1 && deployment.spec.replicas !== undefined)
        problems.push(`${id}: sets replicas although its HPA owns them`);
      if (pdb[0] && pdb[0].spec.minAvailable !== 1)
        problems.push(`${id}: its PDB should keep one pod up (minAvailable: 1)`);
    }
  }
  for (const hpa of hpas) {
    if (!find(objects, 'Deployment', hpa.spec.scaleTargetRef.name))
      problems.push(`${idOf(hpa)}: scales a Deployment that is not there`);
  }
  for (const service of ofKind(objects, 'Service')) {
    const matching = deployments.filter((d) =>
      selects(service.spec.selector, d.spec.template.metadata.labels),
    );
    if (matching.length !== 1)
      problems.push(`${idOf(service)}: selects the pods of ${matching.length} Deployments, not one`);
    for (const port of service.spec.ports) {
      const named = matching.some((d) =>
        d.spec.template.spec.containers.some((c: Container) =>
          (c.ports ?? []).some((p: { name: string }) => p.name === port.targetPort),
        ),
      );
      if (!named)
        problems.push(`${idOf(service)}: targetPort ${port.targetPort} is no container port of its pods`);
    }
    const component = matching[0]?.metadata.labels?.['app.kubernetes.io/component'];
    if (component === 'relay' || component === 'projections')
      problems.push(`${idOf(service)}: exposes a ${component}`);
  }
  return problems;
}

/** The site's ResourceQuota fits every Deployment at its maximum plus one surge pod each. */
export function quotaProblems(objects: K8sObject[]): string[] {
  const quota = ofKind(objects, 'ResourceQuota')[0];
  if (!quota) return ['no ResourceQuota: one site could starve the others'];
  const hpas = ofKind(objects, 'HorizontalPodAutoscaler');
  const need: Record<string, number> = {
    pods: 0,
    'requests.cpu': 0,
    'requests.memory': 0,
    'limits.cpu': 0,
    'limits.memory': 0,
  };
  for (const deployment of deploymentsOf(objects)) {
    const hpa = hpas.find((h) => h.spec.scaleTargetRef.name === deployment.metadata.name);
    const pods = (hpa?.spec.maxReplicas ?? deployment.spec.replicas ?? 1) + 1;
    need.pods += pods;
    for (const container of deployment.spec.template.spec.containers) {
      for (const kind of ['requests', 'limits']) {
        for (const resource of ['cpu', 'memory'])
          need[`${kind}.${resource}`] += pods * quantity(container.resources?.[kind]?.[resource] ?? 0);
      }
    }
  }
  return Object.entries(need)
    .filter(([key, amount]) => quota.spec.hard[key] === undefined || quantity(quota.spec.hard[key]) < amount)
    .map(
      ([key, amount]) =>
        `ResourceQuota ${key} is ${quota.spec.hard[key]}, the site needs ${key.endsWith('memory') ? `${Math.ceil(amount / 2 ** 20)}Mi` : amount}`,
    );
}

/** Deny by default; let in only the site, the ingress controller and Prometheus; let out only to
 *  the site, the platform namespace, DNS and (for token verification) public HTTPS. */
export function networkPolicyProblems(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  const policies = ofKind(objects, 'NetworkPolicy');
  const denyAll = policies.find(
    (p) =>
      Object.keys(p.spec.podSelector ?? {}).length === 0 &&
      !p.spec.ingress &&
      !p.spec.egress &&
      ['Ingress', 'Egress'].every((t) => p.spec.policyTypes?.includes(t)),
  );
  if (!denyAll) problems.push('no default-deny NetworkPolicy for ingress and egress');
  const namespaceOf = (peer: { namespaceSelector?: { matchLabels?: Record<string, string> } }) =>
    peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'];
  for (const policy of policies) {
    const id = idOf(policy);
    for (const rule of policy.spec.ingress ?? []) {
      for (const peer of rule.from ?? []) {
        const ok =
          (!peer.namespaceSelector && !peer.ipBlock) ||
          ['ingress-nginx', 'monitoring'].includes(namespaceOf(peer) ?? '');
        if (!ok) problems.push(`${id}: admits ${JSON.stringify(peer)}`);
      }
      if (!rule.from) problems.push(`${id}: admits every source`);
    }
    for (const rule of policy.spec.egress ?? []) {
      if (!rule.to) problems.push(`${id}: lets out to everywhere`);
      for (const peer of rule.to ?? []) {
        const sameSite = !peer.namespaceSelector && !peer.ipBlock;
        const platform = namespaceOf(peer) === 'alongside-platform';
        const dns =
          namespaceOf(peer) === 'kube-system' && peer.podSelector?.matchLabels?.['k8s-app'] === 'kube-dns';
        const publicHttps =
          peer.ipBlock &&
          PRIVATE_RANGES.every((range) => (peer.ipBlock.except ?? []).includes(range)) &&
          (rule.ports ?? []).length > 0 &&
          rule.ports.every((p: { port: number }) => p.port === 443);
        if (!(sameSite || platform || dns || publicHttps))
          problems.push(`${id}: lets out to ${JSON.stringify(peer)}`);
        if (platform && !(rule.ports ?? []).length)
          problems.push(`${id}: opens every port of the platform namespace`);
      }
    }
  }
  return problems;
}

export const siteProblems = (objects: K8sObject[], site: string) => [
  ...schemaProblems(objects),
  ...namespaceProblems(objects, site),
  ...deploymentProblems(objects),
  ...environmentProblems(objects, site),
  ...topologyProblems(objects),
  ...quotaProblems(objects),
  ...networkPolicyProblems(objects),
];
