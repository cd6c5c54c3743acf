export * from './sessions.module';
export * from './shared/sessions-clock';
export * from './shared/sessions-log';
export * from './consumers/heard-facts';
export { GroupNote } from './attendance/group-note.entity';
export * from './billing/attendance-billing';
export * from './billing/billable-units.reactor';
export { SessionPlanning } from './shared/session-planning';
