import type { AppendResult, EventStore } from '@alongside/platform/event-store';

/**
 * The service's store, telling this process's followers of its log (the relay, the projections)
 * when an append has committed: they read it at once instead of at their next idle poll, which was
 * most of a command's way to Kafka and to the read models. They find `onAppend` on the store they
 * are given; their poll stays, for appends by other processes.
 *
 * A Proxy rather than a wrapper class: the store stays what its adapter made it (its own methods,
 * `instanceof`). Watched: `appendToStream`, and the adapter's own `transaction` where it has one
 * (Postgres), whose appends commit when it resolves.
 */
export const announcedAppends = <S extends EventStore>(store: S): S => {
  const listeners = new Set<() => void>();
  const announce = () => listeners.forEach((listener) => listener());
  const appendToStream: EventStore['appendToStream'] = async (...args) => {
    const result: AppendResult = await store.appendToStream(...args);
    if (result.appended) announce();
    return result;
  };
  const onAppend = (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'appendToStream') return appendToStream;
      if (property === 'onAppend') return onAppend;
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (property !== 'transaction') return value.bind(target);
      return async (...args: unknown[]) => {
        const result: unknown = await value.apply(target, args);
        announce();
        return result;
      };
    },
  });
};
