export * from './config/service-context';
export * from './config/service-config';
export * from './health/readiness-checks';
export * from './metrics/metrics.registry';
export * from './storage/ensure-schema';
export * from './service-runtime.module';
export * from './bootstrap';
