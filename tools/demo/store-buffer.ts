// The event-store pieces mode (b) decides with, in one place.
import { VersionConflict } from '@alongside/platform/event-sourcing';

export { handleCommand, type CommandContext, type EventStore, type ReadStreamResult } from '@alongside/platform/event-store';

/** A stream that is already there: a rerun of the same seed. */
export const VersionConflictOr = (error: unknown): boolean => error instanceof VersionConflict;
