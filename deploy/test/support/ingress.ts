// Where ingress-nginx would send a request, for the Ingresses of one render. With use-regex, every
// path of a host is a case-insensitive regular expression anchored at the start, tried longest
// first; rewrite-target substitutes the captures. Close enough to nginx's PCRE for our paths.
import type { K8sObject } from './kubectl';

export type Route = { ingress: string; service: string; port: string | number; path: string };

type Candidate = { ingress: K8sObject; pattern: RegExp; raw: string; service: string; port: string | number };

function candidates(objects: K8sObject[], host: string): Candidate[] {
  const found: Candidate[] = [];
  for (const ingress of objects.filter((o) => o.kind === 'Ingress')) {
    const regex = ingress.metadata.annotations?.['nginx.ingress.kubernetes.io/use-regex'] === 'true';
    for (const rule of ingress.spec.rules ?? []) {
      if (rule.host !== host) continue;
      for (const path of rule.http?.paths ?? []) {
        const raw: string = path.path;
        const pattern = regex
          ? new RegExp(`^${raw}`, 'i')
          : new RegExp(
              `^${raw.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${path.pathType === 'Exact' ? '$' : '(/|$)'}`,
            );
        const backend = path.backend.service;
        found.push({
          ingress,
          pattern,
          raw,
          service: backend.name,
          port: backend.port.name ?? backend.port.number,
        });
      }
    }
  }
  return found.sort((a, b) => b.raw.length - a.raw.length);
}

export function route(objects: K8sObject[], host: string, path: string): Route | undefined {
  for (const candidate of candidates(objects, host)) {
    const match = candidate.pattern.exec(path);
    if (!match) continue;
    const rewrite = candidate.ingress.metadata.annotations?.['nginx.ingress.kubernetes.io/rewrite-target'];
    const rewritten = rewrite
      ? rewrite.replace(/\$(\d)/g, (_: string, n: string) => match[Number(n)] ?? '')
      : path;
    return {
      ingress: candidate.ingress.metadata.name,
      service: candidate.service,
      port: candidate.port,
      path: rewritten,
    };
  }
  return undefined;
}

export const hostsOf = (objects: K8sObject[]) => [
  ...new Set(
    objects
      .filter((o) => o.kind === 'Ingress')
      .flatMap((i) => (i.spec.rules ?? []).map((r: { host: string }) => r.host)),
  ),
];
