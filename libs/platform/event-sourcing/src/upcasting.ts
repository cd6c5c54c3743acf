import type { Event } from './event';

/**
 * Stored events are never rewritten. When an event's shape changes, its schema version goes up and
 * one upcaster per step turns the old shape into the next; they run on read and on consume, so
 * `evolve` and consumers only ever see the latest shape.
 */
export type Upcaster = (event: Event) => Event;

/** Keyed `<type>@<fromVersion>`: each step lifts one version. */
export type Upcasters = Readonly<Record<string, Upcaster>>;

export type SchemaVersions = Readonly<Record<string, number>>;

export class UpcasterRegistry {
  constructor(
    private readonly current: SchemaVersions,
    private readonly steps: Upcasters = {},
  ) {}

  /** The schema version new events of this type are written with (1 when never changed). */
  versionOf(type: string): number {
    return this.current[type] ?? 1;
  }

  upcast<E extends Event>(event: Event, schemaVersion: number): E {
    const target = this.versionOf(event.type);
    let lifted = event;
    for (let version = schemaVersion; version < target; version++) {
      const step = this.steps[`${event.type}@${version}`];
      if (!step) throw new Error(`No upcaster for ${event.type} from schema version ${version} to ${version + 1}`);
      lifted = step(lifted);
    }
    return lifted as E;
  }

  /** Several contexts' registries read as one (a consumer hears more than one service). */
  static merge(...registries: UpcasterRegistry[]): UpcasterRegistry {
    return new UpcasterRegistry(
      Object.assign({}, ...registries.map((r) => r.current)),
      Object.assign({}, ...registries.map((r) => r.steps)),
    );
  }
}
