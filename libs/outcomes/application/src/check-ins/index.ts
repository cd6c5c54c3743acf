import { ChangeCheckInLogHandler } from './change-check-in-log.handler';
import { CheckInNotes } from './check-in-notes';
import { CheckInsController } from './check-ins.controller';
import { CompanionView } from './companion-view';

export { checkInStream } from './check-in-stream';

/** Registered by OutcomesModule: the participant's companion routes and what they need. */
export const CHECK_IN_CONTROLLERS = [CheckInsController];
export const CHECK_IN_PROVIDERS = [ChangeCheckInLogHandler, CheckInNotes, CompanionView];
