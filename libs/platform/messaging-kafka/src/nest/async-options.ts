import type { InjectionToken, ModuleMetadata } from '@nestjs/common';

/**
 * How an app hands options to these modules: from its own providers (configuration, the metrics
 * registry, the event store), the usual Nest `useFactory` shape.
 */
export type AsyncOptions<T> = Readonly<{
  imports?: ModuleMetadata['imports'];
  inject?: InjectionToken[];
  /** Receives the `inject` tokens' values, in order. */
  useFactory: (...dependencies: never[]) => T | Promise<T>;
}>;

/** Calls the factory with what Nest resolved for its `inject` tokens. */
export const callFactory = <T>(options: AsyncOptions<T>, dependencies: unknown[]): T | Promise<T> =>
  (options.useFactory as (...values: unknown[]) => T | Promise<T>)(...dependencies);
