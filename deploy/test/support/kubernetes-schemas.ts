// Validation of rendered objects: Kubernetes' own kinds against the OpenAPI schemas compiled into
// kubernetes-models; operators' kinds (Strimzi, CloudNativePG) by the structural checks of crds.ts.
// A kind known to neither fails: a new kind gets a validator before it ships.
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { ResourceQuota } from 'kubernetes-models/v1/ResourceQuota';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { crdValidators } from './crds';
import type { K8sObject } from './kubectl';

type Model = new (data: never) => { validate(): void };

const builtIn: Record<string, Model> = {
  'v1/ConfigMap': ConfigMap,
  'v1/Namespace': Namespace,
  'v1/ResourceQuota': ResourceQuota,
  'v1/Service': Service,
  'v1/ServiceAccount': ServiceAccount,
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'networking.k8s.io/v1/Ingress': Ingress,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
};

// RFC 1123 subdomain (most names) and label (namespaces, Services, label values' shape).
const SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL = /^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(?=.{0,63}$)(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_NAMES = new Set(['Namespace', 'Service']);

export const typeOf = (object: K8sObject) => `${object.apiVersion}/${object.kind}`;
export const idOf = (object: K8sObject) =>
  `${object.kind} ${object.metadata?.namespace ? `${object.metadata.namespace}/` : ''}${object.metadata?.name}`;

/** Errors of one object, alone; `all` is the whole render, for the CRD checks' cross-references. */
export function validationErrors(object: K8sObject, all: K8sObject[]): string[] {
  const errors: string[] = [];
  const name = object.metadata?.name;
  if (typeof name !== 'string' || !(LABEL_NAMES.has(object.kind) ? LABEL : SUBDOMAIN).test(name)) {
    errors.push(`metadata.name ${JSON.stringify(name)} is not a valid ${object.kind} name`);
  }
  const namespace = object.metadata?.namespace;
  if (namespace !== undefined && !LABEL.test(namespace))
    errors.push(`metadata.namespace ${namespace} is not a valid name`);
  for (const [key, value] of Object.entries(object.metadata?.labels ?? {})) {
    if (!LABEL_VALUE.test(String(value))) errors.push(`label ${key}=${value} is not a valid label value`);
  }

  const model = builtIn[typeOf(object)];
  const crd = crdValidators[typeOf(object)];
  if (model) {
    try {
      new model(object as never).validate();
    } catch (error) {
      errors.push(String((error as Error).message));
    }
  } else if (crd) {
    errors.push(...crd(object, all));
  } else {
    errors.push(`no schema known for ${typeOf(object)}`);
  }
  return errors;
}
