import { UpcasterRegistry, type Upcasters } from '@alongside/platform/event-sourcing';
import { schemaVersions } from './schema-versions';

/**
 * One step per `<type>@<fromVersion>`. Every mentoring event is still at version 1, so there is
 * nothing to lift yet; the registry exists so that readers and consumers already go through it.
 */
export const mentoringUpcasterSteps: Upcasters = {};

export const mentoringUpcasters = new UpcasterRegistry(schemaVersions, mentoringUpcasterSteps);
