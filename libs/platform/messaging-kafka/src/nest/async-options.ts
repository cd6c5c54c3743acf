import type { InjectionToken, ModuleMetadata } from '@nestjs/common';

/**
 * How an app hands options to these modules: from its own providers (configuration, the metrics
 * registry, the event store), the usual Nest `useFactory` shape.
 */
export type AsyncOptions<T> = Readonly<{
  imports?: ModuleMetadata['imports'];
  inject?: InjectionToken[];
  useFactory: (...dependencies: any[]) => T | Promise<T>;
}>;
