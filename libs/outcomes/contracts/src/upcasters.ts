import { UpcasterRegistry, type Upcasters } from '@alongside/platform/event-sourcing';
import { schemaVersions } from './schema-versions';

/**
 * One step per `<type>@<fromVersion>`. Every outcomes event is still at version 1; the registry
 * exists so that readers and consumers already go through it.
 */
export const outcomesUpcasterSteps: Upcasters = {};

export const outcomesUpcasters = new UpcasterRegistry(schemaVersions, outcomesUpcasterSteps);
